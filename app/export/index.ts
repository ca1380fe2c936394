import { toAltoFiles } from './alto.js';
import { toCsv } from './csv.js';
import type { IssueDocument } from './document.js';
import type { ExportFile } from './files.js';
import { toJson } from './json.js';
import { toJsonl } from './jsonl.js';
import { toMarkdown } from './markdown.js';
import { toMetsFiles } from './mets.js';
import { toPageXmlFiles } from './page-xml.js';
import { toText } from './text.js';
import { toTei } from './tei.js';

export const EXPORT_FORMATS = ['json', 'jsonl', 'md', 'txt', 'csv', 'tei', 'mets', 'alto', 'page'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface Exporter {
  /** The files of one issue; a one-file format names its file `stem` plus its extension. */
  render(doc: IssueDocument, stem: string): ExportFile[];
  /** Several files (a file per article or per page): written into a folder named `stem` rather than beside other exports. */
  ownFolder: boolean;
}

const oneFile = (extension: string, render: (doc: IssueDocument) => string): Exporter => ({
  render: (doc, stem) => [{ name: `${stem}${extension}`, content: render(doc) }],
  ownFolder: false,
});
const perArticle = (render: (doc: IssueDocument) => ExportFile[]): Exporter => ({ render: (doc) => render(doc), ownFolder: true });
const perPage = (render: (doc: IssueDocument, stem: string) => ExportFile[]): Exporter => ({ render, ownFolder: true });

/** Every format's exporter: a format added to EXPORT_FORMATS is a compile error here until it has one. */
const EXPORTERS = {
  json: oneFile('.json', toJson),
  jsonl: oneFile('.jsonl', toJsonl),
  md: perArticle(toMarkdown),
  txt: perArticle(toText),
  csv: oneFile('.csv', toCsv),
  tei: oneFile('.tei.xml', toTei),
  mets: perPage(toMetsFiles),
  alto: perPage(toAltoFiles),
  page: perPage(toPageXmlFiles),
} satisfies Record<ExportFormat, Exporter>;

/** The files of one issue in one format; `stem` is issueFileStem(…). */
export function exportIssue(doc: IssueDocument, format: ExportFormat, stem: string): ExportFile[] {
  return EXPORTERS[format].render(doc, stem);
}

/** Whether the format gives several files (md, txt a file per article; mets, alto, page a file per page), so they go into a folder of their own. */
export function hasOwnFolder(format: ExportFormat): boolean {
  return EXPORTERS[format].ownFolder;
}


export type { ExportFile } from './files.js';
export type { IssueDocument } from './document.js';
