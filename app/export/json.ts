import type { IssueDocument } from './document.js';

/** Two-space indented, with a final newline: stable bytes, so two exports of the same issue diff clean. */
export function toJson(doc: IssueDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
