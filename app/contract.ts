import { z } from 'zod';
import type { Channel } from './channels.js';
import type { PageAnnotation } from './model/page.js';

/**
 * The one contract between the UI and the Node side. Every call has a zod input schema (parsed at
 * every transport boundary) and an output type. Electron IPC, the browser-mode HTTP server and
 * in-process callers (CLI, tests) all dispatch through `dispatch` in app/rpc.ts.
 */

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const importOptions = z.object({
  publication: z.string().trim().min(1).max(200).optional(),
  date: isoDate.optional(),
  label: z.string().trim().min(1).max(200).optional(),
});
export type ImportOptions = z.infer<typeof importOptions>;

// ---- output types ----

export interface PageSummary {
  id: number;
  issueId: number;
  /** Position in the issue, 1-based. */
  number: number;
  file: string;
  section: string | null;
  lineCount: number;
  articleCount: number;
}

export interface IssueSummary {
  id: number;
  publicationId: number;
  date: string | null;
  label: string;
  pages: PageSummary[];
}

export interface PublicationSummary {
  id: number;
  name: string;
  issues: IssueSummary[];
}

export interface LibraryTree {
  publications: PublicationSummary[];
}

export interface PageDetail {
  page: PageSummary & { sha256: string; encoding: string; importedAt: string };
  annotation: PageAnnotation;
}

export interface ImportFileResult {
  file: string;
  /** The new page's id, or null when the file was not imported (see `error`). */
  pageId: number | null;
  encoding: string | null;
  lines: number;
  error: string | null;
}

export interface ImportReport {
  /** The issue the pages went into; null when no page could be imported. */
  issueId: number | null;
  files: ImportFileResult[];
  imported: number;
  failed: number;
}

export interface AppInfo {
  version: string;
  libraryPath: string;
  schemaVersion: number;
  mode: 'electron' | 'browser' | 'cli';
}

// ---- the calls ----

/** Declares a call: its input schema now, its output type as a type argument. */
function call<Out>() {
  return <In extends z.ZodType>(input: In) => ({ input, output: undefined as unknown as Out });
}

export const contract = {
  'app:info': call<AppInfo>()(z.object({})),
  'library:tree': call<LibraryTree>()(z.object({})),
  'pages:get': call<PageDetail>()(z.object({ pageId: id })),
  /** Import file contents sent by the UI (browser mode file picker, drag and drop). */
  'import:files': call<ImportReport>()(
    z.object({
      files: z
        .array(z.object({ name: z.string().min(1).max(1000), base64: z.string().max(200_000_000) }))
        .min(1)
        .max(10_000),
      options: importOptions.default({}),
    }),
  ),
  /** Import files or folders by path (Electron's open dialog, the CLI). */
  'import:paths': call<ImportReport>()(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000), options: importOptions.default({}) }),
  ),
} as const satisfies Record<Channel, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;
export type { Channel };
export type CallInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type CallOutput<C extends Channel> = Contract[C]['output'];

// ---- events (main → UI) ----

export interface Events {
  'import:progress': { done: number; total: number; file: string };
  'library:changed': { reason: 'import' | 'edit' | 'delete' };
}
export type EventName = keyof Events;
