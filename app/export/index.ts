import { toCsv } from './csv.js';
import type { IssueDocument } from './document.js';
import type { ExportFile } from './files.js';
import { safeName } from './file-names.js';
import { toJson } from './json.js';
import { toJsonl } from './jsonl.js';
import { toMarkdown } from './markdown.js';
import { toText } from './text.js';
import { toTei } from './tei.js';

export const EXPORT_FORMATS = ['json', 'jsonl', 'md', 'txt', 'csv', 'tei'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The files of one issue in one format. Single-file formats are named `stem` plus their extension
 * (by default `凯里日报_2021-01-06.json`); md and txt give one file per article.
 */
export function exportIssue(doc: IssueDocument, format: ExportFormat, stem = issueStem(doc)): ExportFile[] {
  switch (format) {
    case 'json': return [{ name: `${stem}.json`, content: toJson(doc) }];
    case 'jsonl': return [{ name: `${stem}.jsonl`, content: toJsonl(doc) }];
    case 'csv': return [{ name: `${stem}.csv`, content: toCsv(doc) }];
    case 'tei': return [{ name: `${stem}.tei.xml`, content: toTei(doc) }];
    case 'md': return toMarkdown(doc);
    case 'txt': return toText(doc);
  }
}

/** `<publication>_<date or label>`, safe on every system. */
export function issueStem(doc: IssueDocument): string {
  return `${safeName(doc.publication.name, 120)}_${safeName(doc.issue.date ?? doc.issue.label, 60)}`;
}

export type { ExportFile } from './files.js';
export type { IssueDocument } from './document.js';
