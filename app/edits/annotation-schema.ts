import { z } from 'zod';
import { FURNITURE_ROLES, GENRES, LINE_ROLES, type PageAnnotation } from '../model/page.js';

// The annotation as it crosses a boundary (a journal row, an engine proposal sent with `rerun`):
// checked field by field so a malformed one is refused before it can touch a page.

const reason = z.strictObject({
  rule: z.string().min(1),
  confidence: z.number().min(0).max(1),
  detail: z.string().optional(),
});

export const articleId = z.string().min(1).max(100);

const lineLabel = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('article'), article: articleId, role: z.enum(LINE_ROLES) }),
  z.strictObject({ kind: z.literal('furniture'), role: z.enum(FURNITURE_ROLES) }),
]);

export const annotatedLine = z.strictObject({
  n: z.number().int().min(1),
  part: z.number().int().min(1).optional(),
  text: z.string(),
  edited: z.boolean().optional(),
  label: lineLabel.nullable(),
  brk: z.enum(['join', 'paragraph']),
  hyphen: z.enum(['keep', 'drop']).optional(),
  why: z.strictObject({ label: reason.optional(), brk: reason.optional(), hyphen: reason.optional() }),
});

export const articleMeta = z.strictObject({
  id: articleId,
  genre: z.enum(GENRES),
  authors: z.array(z.string()),
  flags: z.array(z.string()),
  why: reason.optional(),
});

export const pageAnnotation: z.ZodType<PageAnnotation> = z.strictObject({
  lines: z.array(annotatedLine),
  articles: z.array(articleMeta),
  section: z.string().nullable(),
  headlineOrder: z.enum(['before', 'after', 'unknown']),
});
