import { toCsv } from './csv.js';
import type { IssueDocument } from './document.js';
import type { ExportFile } from './files.js';
import { toJson } from './json.js';
import { toJsonl } from './jsonl.js';
import { toMarkdown } from './markdown.js';
import { toText } from './text.js';
import { toTei } from './tei.js';

export const EXPORT_FORMATS = ['json', 'jsonl', 'md', 'txt', 'csv', 'tei'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface Exporter {
  /** The files of one issue; a one-file format names its file `stem` plus its extension. */
  render(doc: IssueDocument, stem: string): ExportFile[];
  /** A file per article: written into a folder named `stem` rather than beside other exports. */
  perArticle: boolean;
}

const oneFile = (extension: string, render: (doc: IssueDocument) => string): Exporter => ({
  render: (doc, stem) => [{ name: `${stem}${extension}`, content: render(doc) }],
  perArticle: false,
});
const perArticle = (render: (doc: IssueDocument) => ExportFile[]): Exporter => ({ render: (doc) => render(doc), perArticle: true });

/** Every format's exporter: a format added to EXPORT_FORMATS is a compile error here until it has one. */
const EXPORTERS = {
  json: oneFile('.json', toJson),
  jsonl: oneFile('.jsonl', toJsonl),
  md: perArticle(toMarkdown),
  txt: perArticle(toText),
  csv: oneFile('.csv', toCsv),
  tei: oneFile('.tei.xml', toTei),
} satisfies Record<ExportFormat, Exporter>;

/** The files of one issue in one format; `stem` is issueFileStem(…). */
export function exportIssue(doc: IssueDocument, format: ExportFormat, stem: string): ExportFile[] {
  return EXPORTERS[format].render(doc, stem);
}

/** Whether the format gives a file per article (md, txt), so its files go into a folder of their own. */
export function isPerArticle(format: ExportFormat): boolean {
  return EXPORTERS[format].perArticle;
}


export type { ExportFile } from './files.js';
export type { IssueDocument } from './document.js';
