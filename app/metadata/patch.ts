import { GalleyError } from '../errors.js';
import { reanchorEntities } from './anchor.js';
import { resolveDateText } from './dates.js';
import { type ArticleMetadata, type Entity, HEADLINE_FIELDS, type MetadataPatch } from './model.js';
import { articleText, paragraphAt } from './text.js';

/**
 * Applies a panel change to stored metadata. Entities are checked against the article text they
 * point into (a tag whose offsets do not cover its text is refused, not stored crooked); a date may
 * be written as the page prints it and is resolved against the issue date.
 */
export function applyMetadataPatch(
  meta: ArticleMetadata,
  patch: MetadataPatch,
  context: { paragraphs: readonly string[]; issueDate: string | null },
): ArticleMetadata {
  const next: ArticleMetadata = { ...meta };
  for (const key of ['kicker', 'title', 'subtitle', 'authors', 'section', 'genre', 'keywords', 'tags', 'notes', 'status'] as const) {
    if (patch[key] !== undefined) (next as Record<string, unknown>)[key] = patch[key];
  }
  const follows = new Set(meta.follows ?? []);
  for (const key of HEADLINE_FIELDS) if (patch[key] !== undefined) follows[patch.follow === key ? 'add' : 'delete'](key);
  if (follows.size) next.follows = HEADLINE_FIELDS.filter((k) => follows.has(k));
  else delete next.follows;
  if (patch.keywords) next.keywords = unique(patch.keywords);
  if (patch.tags) next.tags = unique(patch.tags);
  if (patch.authors) next.authors = unique(patch.authors);
  if (patch.date !== undefined) next.date = patch.date === null || patch.date === '' ? null : toIsoDate(patch.date, context.issueDate);
  const text = articleText({ paragraphs: context.paragraphs });
  if (patch.entities) next.entities = patch.entities.map((e) => placed(e, text, context.paragraphs, meta.entities));
  if (patch.addEntities) {
    const added = patch.addEntities.map((e) => placed(e, text, context.paragraphs, []));
    const key = (e: Entity) => `${e.type}\u0000${e.start}\u0000${e.end}`;
    const have = new Set(next.entities.map(key));
    next.entities = [...next.entities, ...added.filter((e) => !have.has(key(e)))];
  }
  if (patch.waive || patch.unwaive) {
    const gone = patch.waive?.kind ?? patch.unwaive;
    const kept = (next.waived ?? []).filter((w) => w.kind !== gone);
    if (patch.waive) {
      const reason = patch.waive.reason.trim();
      if (reason === '') throw new GalleyError('BAD_INPUT', 'a waived QA item needs a reason');
      kept.push({ kind: patch.waive.kind, reason });
    }
    if (kept.length) next.waived = kept;
    else delete next.waived;
  }
  if (patch.dismiss !== undefined && !next.dismissed.includes(patch.dismiss)) next.dismissed = [...next.dismissed, patch.dismiss];
  next.entities = [...next.entities].sort((a, b) => a.start - b.start || a.end - b.end || a.type.localeCompare(b.type));
  return next;
}

/**
 * An entity as given, checked: it must cover exactly its text, unless it is one of the article's
 * detached entities sent back unchanged (the panel resends the whole list).
 */
function placed(e: Entity, text: string, paragraphs: readonly string[], previous: readonly Entity[]): Entity {
  if (e.flag === 'detached') {
    const known = previous.some((p) => p.flag === 'detached' && p.type === e.type && p.text === e.text);
    if (known) return e;
    return reanchorEntities([e], text, paragraphs)[0]!;
  }
  if (text.slice(e.start, e.end) !== e.text) {
    throw new GalleyError('BAD_INPUT', `entity "${e.text.slice(0, 40)}" does not match the article text at ${e.start}–${e.end}`);
  }
  return { type: e.type, start: e.start, end: e.end, text: e.text, paragraph: paragraphAt(paragraphs, e.start) };
}

function toIsoDate(text: string, issueDate: string | null): string {
  const resolved = resolveDateText(text, issueDate);
  if (resolved === 'needs-issue-date') {
    throw new GalleyError('BAD_INPUT', `"${text.slice(0, 40)}" needs the issue's date to find its year, and the issue has no date: type YYYY-MM-DD or give the issue a date`);
  }
  if (resolved === null) throw new GalleyError('BAD_INPUT', `"${text.slice(0, 40)}" is not a date (YYYY-MM-DD${issueDate ? ', 1月4日, 昨天, Jan. 4' : ', 2021年1月4日'})`);
  return resolved;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()))];
}
