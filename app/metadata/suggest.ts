import type { SegmentedArticle } from '../model/segmentation.js';
import { resolveRelativeDate } from './dates.js';
import type { ArticleMetadata, Entity, EntityType, MetadataPatch } from './model.js';
import type { MetadataDefaults } from './resolve.js';
import { articleText, paragraphAt } from './text.js';

export type SuggestionSource = 'byline' | 'dateline' | 'headline' | 'page-header' | 'library';

/**
 * One proposal for the metadata panel. `patch` is what accepting it sends to `articles:meta:set`
 * (it applies on its own, whatever was accepted before); rejecting sends `{dismiss: id}`.
 */
export interface Suggestion {
  id: string;
  field: 'authors' | 'kicker' | 'title' | 'subtitle' | 'section' | 'date' | 'entity';
  value: string;
  source: SuggestionSource;
  patch: MetadataPatch;
  /** For an entity: every place in the article text where it was found. */
  entities?: Entity[];
}

/** An entity tagged somewhere in the library, to be found again in other articles. */
export interface KnownEntity {
  type: EntityType;
  text: string;
}

// A dateline opens the first paragraph: 本报讯（通讯员 李靖）1月4日，… / 新华社北京1月4日电
const DATELINE = /^.{0,40}?(?:讯|电)?[（(]?[^）)]{0,40}[）)]?\s*((?:\d{4}\s?年\s?)?\d{1,2}\s?月\s?\d{1,2}\s?[日号]|[昨今前]天|[昨今]日)/;

/**
 * What the engine and the library propose for an article, minus what the editor already set to the
 * same value or rejected. Values the editor has not confirmed yet (null overrides) are offered too,
 * so accepting them is one key and the panel can tell proposed from checked.
 */
export function suggestMetadata(
  meta: ArticleMetadata,
  article: SegmentedArticle,
  defaults: MetadataDefaults,
  known: readonly KnownEntity[],
): Suggestion[] {
  const out: Suggestion[] = [];
  const offer = (s: Suggestion) => {
    if (!meta.dismissed.includes(s.id)) out.push(s);
  };

  if (article.authors.length && !same(meta.authors, article.authors)) {
    const value = article.authors.join('、');
    offer({ id: `authors:${article.authors.join('|')}`, field: 'authors', value, source: article.byline ? 'byline' : 'dateline', patch: { authors: article.authors } });
  }
  for (const field of ['kicker', 'title', 'subtitle'] as const) {
    const value = article[field];
    if (value && meta[field] !== value) offer({ id: `${field}:${value}`, field, value, source: 'headline', patch: { [field]: value, follow: field } });
  }
  if (defaults.section && meta.section !== defaults.section) {
    offer({ id: `section:${defaults.section}`, field: 'section', value: defaults.section, source: 'page-header', patch: { section: defaults.section } });
  }
  const printed = article.paragraphs[0] && defaults.issueDate ? DATELINE.exec(article.paragraphs[0])?.[1] : undefined;
  const date = printed && defaults.issueDate ? resolveRelativeDate(printed, defaults.issueDate) : null;
  if (date && meta.date !== date) offer({ id: `date:${date}`, field: 'date', value: date, source: 'dateline', patch: { date } });

  for (const s of entitySuggestions(meta, article, known)) offer(s);
  return out;
}

function entitySuggestions(meta: ArticleMetadata, article: SegmentedArticle, known: readonly KnownEntity[]): Suggestion[] {
  const text = articleText(article);
  const taken = meta.entities.filter((e) => !e.flag);
  const free = (start: number, end: number) => !taken.some((e) => e.start < end && start < e.end);
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  // Longer names first, so 凯里市委 is offered before the 凯里 inside it.
  for (const k of [...known].sort((a, b) => b.text.length - a.text.length || a.text.localeCompare(b.text))) {
    const id = `entity:${k.type}:${k.text}`;
    if (seen.has(id) || k.text.trim() === '') continue;
    seen.add(id);
    const found: Entity[] = [];
    for (let at = text.indexOf(k.text); at >= 0; at = text.indexOf(k.text, at + k.text.length)) {
      const end = at + k.text.length;
      if (free(at, end)) found.push({ type: k.type, start: at, end, text: k.text, paragraph: paragraphAt(article.paragraphs, at) });
    }
    if (found.length) out.push({ id, field: 'entity', value: k.text, source: 'library', patch: { addEntities: found }, entities: found });
  }
  return out;
}

function same(a: readonly string[] | null, b: readonly string[]): boolean {
  return a !== null && a.length === b.length && a.every((x, i) => x === b[i]);
}
