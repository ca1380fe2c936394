import { z } from 'zod';
import { pageAnnotation } from '../edits/annotation-schema.js';
import { articleMetadata, isoDate } from '../metadata/model.js';
import type { IssueDocument } from './document.js';

// An issue export read back (`galley import issue.json`): everything the importer stores is checked
// here; what it derives again (segmentation, resolved metadata) only has to be there.

const timestamp = z.string().min(1).max(100);

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
  })),
});

export const issueDocument = z.strictObject({
  format: z.literal('galley-issue'),
  formatVersion: z.literal(2),
  publication: z.strictObject({ name: z.string().trim().min(1).max(200) }),
  issue: z.strictObject({ date: isoDate.nullable(), label: z.string().min(1).max(200), createdAt: timestamp }),
  pages: z.array(page).min(1),
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
  pages: (Omit<IssueDocument['pages'][number], 'segmentation'> & { segmentation: unknown })[];
};
