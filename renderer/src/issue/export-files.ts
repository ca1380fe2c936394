import { strToU8, zipSync } from 'fflate';
import type { ExportArchive } from '../../../app/contract.js';

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

/**
 * What the browser downloads: a one-file export as its file; a multi-file one (md, txt) as ONE zip
 * holding its folder, because a browser saves each download on its own and drops a burst of them.
 * Revoke the URLs with `revokeLinks`.
 */
export function downloadLinks(archive: ExportArchive): DownloadLink[] {
  if (archive.files.length !== 1) {
    const bytes = zipExport(archive);
    return [{ name: `${archive.folder ?? 'export'}.zip`, url: URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' })), size: bytes.length }];
  }
  // a string's BOM becomes the UTF-8 BOM in the blob
  return archive.files.map((f) => ({ name: f.name, url: URL.createObjectURL(new Blob([f.content], { type: mimeType(f.name) })), size: utf8Size(f.content) }));
}

/** The files as one zip, inside a folder named as the desktop app names it, as UTF-8. */
export function zipExport(archive: ExportArchive): Uint8Array {
  const prefix = archive.folder === null ? '' : `${archive.folder}/`;
  return zipSync(Object.fromEntries(archive.files.map((f) => [`${prefix}${f.name}`, strToU8(f.content)])));
}

export function revokeLinks(links: readonly DownloadLink[]): void {
  for (const l of links) URL.revokeObjectURL(l.url);
}
