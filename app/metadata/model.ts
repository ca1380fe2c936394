import { z } from 'zod';
import { GENRES } from '../model/page.js';
import { ISO_DATE, isRealDay } from './dates.js';

/**
 * What an editor says about one article beyond its segmentation. Text fields that the engine also
 * derives (kicker, title, subtitle, authors, genre, section, date) are overrides: null means "take
 * the rendered or proposed value", so a later correction of the source lines still shows through.
 */

export const ENTITY_TYPES = ['person', 'place', 'org'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const HEADLINE_FIELDS = ['kicker', 'title', 'subtitle'] as const;
export type HeadlineField = (typeof HEADLINE_FIELDS)[number];

export const REVIEW_STATUSES = ['todo', 'in-review', 'done'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const isoDate = z.string().regex(ISO_DATE, 'expected a date as YYYY-MM-DD').refine(isRealDay, 'not a day of the calendar');
const name = z.string().trim().min(1).max(200);
const names = z.array(name).max(200);

/**
 * A person, place or organisation marked in the article's text. `start`/`end` are UTF-16 offsets
 * (what a DOM selection gives) into the article text (see `articleText`); `text` is what they
 * covered when tagged, so the span can be found again after the text changes. `detached`: the
 * text is gone from the article; the tag is kept for the editor to re-place or delete.
 */
export const entity = z.strictObject({
  type: z.enum(ENTITY_TYPES),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string().min(1).max(1000),
  paragraph: z.number().int().min(0).optional(),
  flag: z.literal('detached').optional(),
}).refine((e) => e.end > e.start, 'an entity must cover at least one character');
export type Entity = z.infer<typeof entity>;

export const articleMetadata = z.strictObject({
  kicker: z.string().max(2000).nullable(),
  title: z.string().max(2000).nullable(),
  subtitle: z.string().max(2000).nullable(),
  authors: names.nullable(),
  date: isoDate.nullable(),
  section: z.string().max(200).nullable(),
  genre: z.enum(GENRES).nullable(),
  keywords: names,
  tags: names,
  entities: z.array(entity).max(10_000),
  notes: z.string().max(100_000),
  status: z.enum(REVIEW_STATUSES),
  /** Suggestion ids the editor rejected, so they are not offered again. */
  dismissed: z.array(z.string().max(500)).max(1000),
  /** Headline fields accepted from a suggestion: they follow the headline until the editor types them. */
  follows: z.array(z.enum(HEADLINE_FIELDS)).max(3).optional(),
  /** QA kinds (`no-title`, `cjk-space`, …) the editor accepted for this article, each with why. */
  waived: z.array(z.strictObject({ kind: z.string().min(1).max(50), reason: z.string().min(1).max(1000) })).max(50).optional(),
});
export type ArticleMetadata = z.infer<typeof articleMetadata>;

/**
 * A change from the metadata panel: the fields it sets, replaced whole. `date` also takes what a
 * page prints (`1 月 4 日`, `昨天`), resolved against the issue date. `addEntities` and `dismiss`
 * let an accepted or rejected suggestion apply on its own, whatever else was accepted before.
 */
export const metadataPatch = z.strictObject({
  kicker: z.string().max(2000).nullable().optional(),
  title: z.string().max(2000).nullable().optional(),
  subtitle: z.string().max(2000).nullable().optional(),
  authors: names.nullable().optional(),
  date: z.string().trim().max(100).nullable().optional(),
  section: z.string().max(200).nullable().optional(),
  genre: z.enum(GENRES).nullable().optional(),
  keywords: names.optional(),
  tags: names.optional(),
  entities: z.array(entity).max(10_000).optional(),
  addEntities: z.array(entity).max(1000).optional(),
  notes: z.string().max(100_000).optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  dismiss: z.string().max(500).optional(),
  /** The headline field this patch accepts as suggested: it keeps following the headline. */
  follow: z.enum(HEADLINE_FIELDS).optional(),
  /** Accepts a QA item of this article as it is: it leaves the open items, its reason kept. */
  waive: z.strictObject({ kind: z.string().min(1).max(50), reason: z.string().max(1000) }).optional(),
  /** Takes a waiver back: the item is open again. */
  unwaive: z.string().min(1).max(50).optional(),
});
export type MetadataPatch = z.infer<typeof metadataPatch>;

export function emptyMetadata(): ArticleMetadata {
  return {
    kicker: null, title: null, subtitle: null, authors: null, date: null, section: null, genre: null,
    keywords: [], tags: [], entities: [], notes: '', status: 'todo', dismissed: [],
  };
}
