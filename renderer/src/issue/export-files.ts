import type { ExportFile } from '../../../app/export/index.js';

const TYPES: Record<string, string> = {
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  md: 'text/markdown',
  txt: 'text/plain',
  csv: 'text/csv',
  xml: 'application/xml',
};

/** The MIME type a file is handed to the browser with, by its extension; always UTF-8. */
export function mimeType(name: string): string {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return `${TYPES[ext] ?? 'text/plain'};charset=utf-8`;
}

/** Bytes a file will take as UTF-8 (what the download writes), for the list. */
export function utf8Size(content: string): number {
  return new TextEncoder().encode(content).length;
}

export function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface DownloadLink {
  name: string;
  url: string;
  size: number;
}

/** Object URLs for the files (a string's BOM becomes the UTF-8 BOM in the blob); revoke them with `revokeLinks`. */
export function downloadLinks(files: readonly ExportFile[]): DownloadLink[] {
  return files.map((f) => ({ name: f.name, url: URL.createObjectURL(new Blob([f.content], { type: mimeType(f.name) })), size: utf8Size(f.content) }));
}

export function revokeLinks(links: readonly DownloadLink[]): void {
  for (const l of links) URL.revokeObjectURL(l.url);
}

/** The hint for a set of files saved into one folder: only a set with an index.md is told it links the others. */
export function folderHintKey(files: readonly ExportFile[]): 'export.folderHint' | 'export.folderHintIndex' {
  return files.some((f) => f.name === 'index.md') ? 'export.folderHintIndex' : 'export.folderHint';
}
