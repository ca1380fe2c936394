import type { AnnotatedLine, ArticleMeta, LineLabel, PageAnnotation, Reason } from '../model/page.js';
import type { Draft } from './draft.js';
import { badInput, byEditor, freshArticleIds } from './lines.js';
import type { OpOf } from './ops.js';
import { sameJson } from './patch.js';

/** What to run the engine on before a re-run: the lines as they are now, split and edited. */
export const currentTexts = (page: PageAnnotation): string[] => page.lines.map((l) => l.text);

const noSpace = (s: string) => s.replace(/\s+/g, '');

/**
 * The lines a re-run measures: as now, except that a line whose correction only changed spaces
 * (`2021 年` → `2021年`) is measured as printed. The engine reads layout from line widths, and an
 * extraction space the editor removed was still part of the printed line; measuring without it
 * would turn a two-line headline into headline + subheadline.
 */
export function rerunTexts(page: PageAnnotation, raw: readonly string[]): string[] {
  return page.lines.map((l) => {
    const printed = l.edited && l.part === undefined ? raw[l.n - 1] : undefined;
    return printed !== undefined && printed !== l.text && noSpace(printed) === noSpace(l.text) ? printed : l.text;
  });
}

/**
 * Takes the engine's fresh proposal for every decision no editor made. The proposal must be computed
 * on the page's current lines (one proposed line per line, in order: `currentTexts(page)`), since
 * split and edited lines no longer match the raw page. Its article ids are the engine's own: each is
 * mapped to the page's article it shares most engine-labelled lines with, the rest get fresh ids, so the articles an
 * editor made or named keep their ids and metadata, and the editor's reading order stays.
 */
export function rerun(draft: Draft, { proposal }: OpOf<'rerun'>): void {
  const page = draft.base;
  if (proposal.lines.length !== page.lines.length) {
    badInput(`the proposal has ${proposal.lines.length} lines, the page ${page.lines.length}: run the engine on the page's current lines`);
  }
  const ids = mapArticles(page, proposal);
  const lines = page.lines.map((line, i) => decide(line, proposal.lines[i]!, ids));
  const used = new Set(lines.flatMap((l) => (l.label?.kind === 'article' ? [l.label.article] : [])));
  keepNamedArticles(page, lines, used);
  lines.forEach((next, i) => {
    if (!sameJson(next, page.lines[i])) draft.put(next);
  });
  draft.articles = orderArticles(page.articles, proposal.articles, ids, used);
  draft.pageFields = { section: proposal.section, headlineOrder: proposal.headlineOrder };
}

/** Page lines are the ones shown: the proposal never changes text, part or a blank line's emptiness. */
function decide(line: AnnotatedLine, proposed: AnnotatedLine, ids: Map<string, string>): AnnotatedLine {
  if (line.label === null) return line;
  let next = line;
  if (!byEditor(line.why.label) && proposed.label !== null) {
    const label: LineLabel = proposed.label.kind === 'article' ? { ...proposed.label, article: ids.get(proposed.label.article)! } : proposed.label;
    next = { ...next, label, why: withReason(next.why, 'label', proposed.why.label) };
  }
  if (!byEditor(line.why.brk)) next = { ...next, brk: proposed.brk, why: withReason(next.why, 'brk', proposed.why.brk) };
  if (!byEditor(line.why.hyphen)) {
    const { hyphen: _, ...rest } = next;
    next = { ...rest, ...(proposed.hyphen && { hyphen: proposed.hyphen }), why: withReason(next.why, 'hyphen', proposed.why.hyphen) };
  }
  return next;
}

/**
 * An article whose metadata an editor set must not vanish because the proposal gives its lines to
 * others: those lines stay where they are.
 */
function keepNamedArticles(page: PageAnnotation, lines: AnnotatedLine[], used: Set<string>): void {
  const orphans = new Set(page.articles.filter((a) => byEditor(a.why) && !used.has(a.id)).map((a) => a.id));
  if (!orphans.size) return;
  page.lines.forEach((line, i) => {
    if (line.label?.kind !== 'article' || !orphans.has(line.label.article)) return;
    lines[i] = { ...lines[i]!, label: line.label, why: withReason(lines[i]!.why, 'label', line.why.label) };
    used.add(line.label.article);
  });
}

function withReason(why: AnnotatedLine['why'], key: keyof AnnotatedLine['why'], reason: Reason | undefined): AnnotatedLine['why'] {
  const rest = { ...why };
  delete rest[key];
  return reason ? { ...rest, [key]: reason } : rest;
}

/** Proposal article id → page article id, greedily by the number of lines they share. */
function mapArticles(page: PageAnnotation, proposal: PageAnnotation): Map<string, string> {
  const proposed = new Set(proposal.articles.map((a) => a.id));
  if (proposed.size !== proposal.articles.length) badInput('the proposal names an article twice');
  const shared = new Map<string, Map<string, number>>();
  proposal.lines.forEach((p, i) => {
    if (p.label?.kind !== 'article') return;
    if (!proposed.has(p.label.article)) badInput(`the proposal labels line ${p.n} with an unknown article ${p.label.article}`);
    // Lines an editor labelled keep their article whatever the engine says, so they must not pull
    // the engine's article onto theirs: an article the editor split off would otherwise take over
    // the id of the one it was split from.
    const mine = page.lines[i]!.label;
    if (mine?.kind !== 'article' || byEditor(page.lines[i]!.why.label)) return;
    const row = shared.get(p.label.article) ?? new Map<string, number>();
    row.set(mine.article, (row.get(mine.article) ?? 0) + 1);
    shared.set(p.label.article, row);
  });
  const pairs = [...shared].flatMap(([theirs, row]) => [...row].map(([mine, count]) => ({ theirs, mine, count })));
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const { theirs, mine } of pairs.sort((a, b) => b.count - a.count)) {
    if (ids.has(theirs) || taken.has(mine)) continue;
    ids.set(theirs, mine);
    taken.add(mine);
  }
  const unmatched = proposal.articles.filter((a) => !ids.has(a.id));
  const fresh = freshArticleIds(page.articles.map((a) => a.id), unmatched.length);
  unmatched.forEach((a, i) => ids.set(a.id, fresh[i]!));
  return ids;
}

/** The page's order for its own articles; a new one goes after the one the engine puts before it. */
function orderArticles(current: ArticleMeta[], proposed: ArticleMeta[], ids: Map<string, string>, used: Set<string>): ArticleMeta[] {
  const fromEngine = new Map(proposed.map((a) => [ids.get(a.id)!, a]));
  const out = current
    .filter((a) => used.has(a.id))
    .map((a) => {
      const theirs = fromEngine.get(a.id);
      return theirs && !byEditor(a.why) ? { ...theirs, id: a.id } : a;
    });
  const mine = new Set(current.map((a) => a.id));
  let anchor = -1;
  for (const a of proposed) {
    const id = ids.get(a.id)!;
    if (!used.has(id)) continue;
    if (mine.has(id)) anchor = out.findIndex((m) => m.id === id);
    else out.splice(++anchor, 0, { ...a, id });
  }
  return out;
}
