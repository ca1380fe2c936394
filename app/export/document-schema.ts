import { z } from 'zod';
import { annotatedLine, articleId, articleMeta, pageAnnotation } from '../edits/annotation-schema.js';
import { isRealDay } from '../metadata/dates.js';
import { GEOMETRY_UNITS } from '../model/geometry.js';
import { articleMetadata, isoDate } from '../metadata/model.js';
import type { IssueDocument } from './document.js';

// An issue export read back (`galley import issue.json`): everything the importer stores is checked
// here; what it derives again (segmentation, resolved metadata) only has to be there.

/** What the store writes (`toISOString()`), on a real day. */
const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/, 'expected a UTC timestamp as YYYY-MM-DDTHH:MM:SS.sssZ')
  .refine((t) => isRealDay(t.slice(0, 10)) && Number(t.slice(11, 13)) < 24 && Number(t.slice(14, 16)) < 60 && Number(t.slice(17, 19)) < 60, 'not a time of the calendar');

const size = z.number().finite().min(0).max(1e7);
const pageGeometry = z.strictObject({
  width: size.positive(),
  height: size.positive(),
  unit: z.enum(GEOMETRY_UNITS),
  lines: z.array(z.strictObject({ x: size, y: size, w: size, h: size, fontSize: size.optional() }).nullable()),
});

const page = z.strictObject({
  number: z.number().int().positive(),
  file: z.string().min(1).max(1000),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string().min(1).max(100),
  importedAt: timestamp,
  lineCount: z.number().int().min(0),
  rawText: z.string(),
  annotation: pageAnnotation,
  segmentation: z.object({ articles: z.array(z.unknown()) }).passthrough(),
  metadata: z.array(z.strictObject({
    article: z.string().min(1).max(100),
    metadata: articleMetadata,
    resolved: z.unknown().optional(),
    anchoredText: z.string().optional(),
    pages: z.unknown().optional(),
  })),
  // Absent in exports made before geometry was kept; null for a page imported as text.
  geometry: pageGeometry.nullable().optional(),
});

const part = z.strictObject({ page: z.number().int().positive(), article: articleId });
/** A continued article's link by page numbers: the part `from` goes on as `to`. */
export const continuationLink = z.strictObject({ from: part, to: part });

export const issueDocument = z.strictObject({
  format: z.literal('galley-issue'),
  formatVersion: z.literal(2),
  publication: z.strictObject({ name: z.string().trim().min(1).max(200) }),
  issue: z.strictObject({ date: isoDate.nullable(), label: z.string().min(1).max(200), createdAt: timestamp }),
  pages: z.array(page).min(1),
  // Exports from before continued articles have none.
  continuations: z.array(continuationLink).default([]),
  journal: z.array(z.strictObject({
    page: z.number().int().positive().nullable(),
    op: z.string().min(1).max(100),
    payload: z.unknown(),
    inverse: z.unknown(),
    params: z.unknown().optional(),
    at: timestamp,
    undone: z.boolean(),
    discarded: z.boolean(),
  })),
});

/** What an import needs of a document, typed as the exporter wrote it. */
export type ParsedIssueDocument = Omit<IssueDocument, 'pages'> & {
  pages: (Omit<IssueDocument['pages'][number], 'segmentation' | 'geometry'> & { segmentation: unknown; geometry?: IssueDocument['pages'][number]['geometry'] })[];
};

/** One edit's effect as the journal keeps it (app/edits/patch.ts): its payload redoes it, its inverse undoes it. */
export const journalPatch = z.strictObject({
  lines: z.array(z.strictObject({ n: z.number().int().min(1), parts: z.array(annotatedLine) })),
  articles: z.array(articleMeta).optional(),
  metas: z.array(articleMeta).optional(),
  page: z.strictObject({ section: z.string().nullable(), headlineOrder: z.enum(['before', 'after', 'unknown']) }).optional(),
});

/** A link change's row: the link it adds or removes (payload), and the other way round (inverse). */
export const journalLinkChange = z.strictObject({ add: continuationLink.optional(), remove: continuationLink.optional() })
  .refine((c) => c.add !== undefined || c.remove !== undefined, 'a link change adds or removes a link');
export const journalLinkParams = z.strictObject({ op: z.string(), article: articleId });

/** A metadata change's row: the article's whole metadata after (payload) and before (inverse). */
export const journalMetadata = z.strictObject({ article: articleId, metadata: articleMetadata });
