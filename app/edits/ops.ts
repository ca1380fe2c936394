import { z } from 'zod';
import { firstIssue, GalleyError } from '../errors.js';
import { FURNITURE_ROLES, GENRES, LINE_ROLES } from '../model/page.js';
import { articleId, pageAnnotation } from './annotation-schema.js';

// One editor operation = one journal entry. Lines are named by source line number `n` (1-based)
// and, once an editor split a line, by `part`; articles by their page-scoped id.

const n = z.number().int().min(1);
/** Needed only for a line an editor split; an unsplit line is its own part 1. */
const part = z.number().int().min(1).optional();
const op = <T extends string>(name: T) => z.literal(name);
/** Source lines from..to, every part; `fromPart`/`toPart` narrow the ends to a part of a split line. */
const range = { from: n, to: n, fromPart: part, toPart: part };

export const editOp = z.discriminatedUnion('op', [
  z.strictObject({ op: op('setBreak'), n, part, kind: z.enum(['join', 'paragraph']) }),
  z.strictObject({ op: op('toggleBreak'), n, part }),
  z.strictObject({ op: op('joinLines'), ...range }),
  z.strictObject({ op: op('splitLine'), n, part, at: z.number().int() }),
  z.strictObject({ op: op('editLine'), n, part, text: z.string().max(100_000) }),
  z.strictObject({ op: op('startArticle'), n, part }),
  z.strictObject({ op: op('mergeArticle'), article: articleId, with: z.enum(['previous', 'next']) }),
  z.strictObject({ op: op('moveLines'), ...range, article: articleId.nullable() }),
  z.strictObject({ op: op('setRole'), ...range, role: z.enum(LINE_ROLES) }),
  z.strictObject({ op: op('markFurniture'), ...range, role: z.enum(FURNITURE_ROLES) }),
  z.strictObject({ op: op('reorderArticles'), order: z.array(articleId) }),
  z.strictObject({
    op: op('setArticleMeta'),
    article: articleId,
    genre: z.enum(GENRES).optional(),
    authors: z.array(z.string().trim().min(1).max(200)).optional(),
  }),
  z.strictObject({ op: op('rerun'), proposal: pageAnnotation }),
]);

export type EditOp = z.infer<typeof editOp>;
export type EditOpName = EditOp['op'];
export type OpOf<K extends EditOpName> = Extract<EditOp, { op: K }>;

/** Parses an operation from outside (IPC, journal) into a typed one, or says in one line what is wrong. */
export function parseEditOp(raw: unknown): EditOp {
  const parsed = editOp.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new GalleyError('BAD_INPUT', `edit operation: ${firstIssue(parsed.error)}`);
}
