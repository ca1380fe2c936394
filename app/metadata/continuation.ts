/**
 * Articles that a paper runs over two pages: the jump line at the end of the first part
 * (`（转第2版）`, `Continued on Page 4`) and the one at the start of the second (`（上接第1版）`,
 * `Continued from Page 1`). Pure: it reads printed text only, so any paper's pages work, not one
 * page's by heart.
 */

/** `to`: the article goes on on `page`; `from`: it is the rest of an article that began on `page`. */
export type ContinuationDirection = 'to' | 'from';

export interface ContinuationMarker {
  direction: ContinuationDirection;
  /** The page number the marker names (第二版 → 2). */
  page: number;
  /** The marker as printed, brackets included: what an export drops. */
  text: string;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUM = '[0-9０-９〇零一二两三四五六七八九十]{1,4}';
const OPEN = '[（(【\\[]\\s*';
const CLOSE = '\\s*[）)】\\]]';

/** A page number as papers print it: 2, ２, 二, 十二, 二十. Null for anything else. */
export function pageNumberOf(printed: string): number | null {
  const ascii = printed.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  const m = /^([一二两三四五六七八九])?(十)?([〇零一二两三四五六七八九])?$/.exec(printed);
  if (!m || printed === '') return null;
  const [, high, ten, low] = m;
  if (!ten) return high && !low ? CN_DIGITS[high]! : low && !high ? CN_DIGITS[low]! : null;
  return (high ? CN_DIGITS[high]! : 1) * 10 + (low ? CN_DIGITS[low]! : 0);
}

// Each pattern's first group is the page. A Chinese jump line is in brackets or starts with 转/接 as
// a whole phrase (下转, 上接); a bare "转第2版" also counts, "第2版" alone (a page header) never does.
const PATTERNS: readonly { direction: ContinuationDirection; re: RegExp }[] = [
  { direction: 'to', re: new RegExp(`(?:${OPEN})?(?:下转|转(?:至|到)?)第?\\s*(${NUM})\\s*版(?:${CLOSE})?`, 'u') },
  { direction: 'from', re: new RegExp(`(?:${OPEN})?(?:上接|紧接|接)第?\\s*(${NUM})\\s*版(?:${CLOSE})?`, 'u') },
  { direction: 'to', re: /\(?\b(?:continued|cont(?:'|’)?d\.?)\s+on\s+(?:page|p\.)\s*(\d{1,3})\b\)?/iu },
  { direction: 'from', re: /\(?\b(?:continued|cont(?:'|’)?d\.?)\s+from\s+(?:page|p\.)\s*(\d{1,3})\b\)?/iu },
  // "See STORM, Page 4": the jump word, a comma, then the page.
  { direction: 'to', re: /\(?\bsee\s+[^,.;:]{1,60},\s*(?:page|p\.)\s*(\d{1,3})\b\)?/iu },
];

/** Both Chinese patterns need 转/接 right before 第N版 or N版: "本报第2版刊登" has neither. */
const ZH_GUARD = /(?:转|接)(?:至|到)?第?\s*[0-9０-９〇零一二两三四五六七八九十]{1,4}\s*版/u;

/** The continuation marker in one line or paragraph, or null. The first one wins. */
export function findContinuation(text: string): ContinuationMarker | null {
  let best: (ContinuationMarker & { at: number }) | null = null;
  for (const { direction, re } of PATTERNS) {
    const m = re.exec(text);
    if (!m || (best && best.at <= m.index)) continue;
    const chinese = /[转接]/u.test(m[0]);
    if (chinese && !ZH_GUARD.test(m[0])) continue;
    // "接" alone is a common verb (接第2版的通知…): only bracketed it is a jump line.
    if (chinese && direction === 'from' && !/上接|紧接/u.test(m[0]) && !/^[（(【[]/u.test(m[0])) continue;
    const page = pageNumberOf(m[1]!);
    if (page === null || page < 1) continue;
    best = { direction, page, text: m[0], at: m.index };
  }
  if (!best) return null;
  const { at: _at, ...marker } = best;
  return marker;
}

/** Every marker an article's paragraphs carry, in order (normally one, at its start or end). */
export function articleContinuations(article: { readonly paragraphs: readonly string[] }): ContinuationMarker[] {
  return article.paragraphs.map(findContinuation).filter((m): m is ContinuationMarker => m !== null);
}

/**
 * The paragraphs without their jump lines, as a whole article is written out: a marker is cut from
 * its paragraph, and a paragraph that was only the marker goes.
 */
export function withoutContinuations(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap((p) => {
    let text = p;
    for (let m = findContinuation(text), guard = 0; m && guard < 4; m = findContinuation(text), guard++) text = text.replace(m.text, '');
    text = text.trim();
    return text === '' ? [] : [text];
  });
}

/** An article as proposing a link needs it: where it is, its words, its markers. */
export interface ContinuationCandidate {
  /** The page's number in the issue (what 第N版 names). */
  page: number;
  article: string;
  title: string | null;
  paragraphs: readonly string[];
}

export interface ProposedLink {
  /** The first part: the article that says where it goes on. */
  from: { page: number; article: string };
  /** The part that goes on. */
  to: { page: number; article: string };
}

/**
 * The article `part` most likely continues with (or continues), from its marker and the other
 * pages' markers: page N's "转第M版" pairs with page M's "上接第N版". Several candidates on that
 * page are told apart by shared words of title and text; none with a marker back: no proposal.
 */
export function proposeContinuation(part: ContinuationCandidate, others: readonly ContinuationCandidate[]): ProposedLink | null {
  for (const marker of articleContinuations(part)) {
    const back: ContinuationDirection = marker.direction === 'to' ? 'from' : 'to';
    const matches = others.filter((o) => o.page === marker.page && o.page !== part.page
      && articleContinuations(o).some((m) => m.direction === back && m.page === part.page));
    if (matches.length === 0) continue;
    const best = matches.length === 1 ? matches[0]! : bestByWords(part, matches);
    const here = { page: part.page, article: part.article };
    const there = { page: best.page, article: best.article };
    return marker.direction === 'to' ? { from: here, to: there } : { from: there, to: here };
  }
  return null;
}

function bestByWords(part: ContinuationCandidate, candidates: readonly ContinuationCandidate[]): ContinuationCandidate {
  const mine = grams(part);
  let best = candidates[0]!;
  let bestScore = -1;
  for (const c of candidates) {
    const theirs = grams(c);
    let shared = 0;
    for (const g of theirs) if (mine.has(g)) shared++;
    // The title counts twice: a continuation usually repeats the headline or its key words.
    const score = shared / Math.max(1, theirs.size) + (part.title && c.title && part.title === c.title ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

/** Character pairs of Han text and lowercased words of Latin text: both scripts compared alike. */
function grams(c: ContinuationCandidate): Set<string> {
  const text = `${c.title ?? ''} ${withoutContinuations(c.paragraphs).join(' ')}`.toLowerCase();
  const out = new Set<string>();
  for (const w of text.match(/[a-z]{3,}/g) ?? []) out.add(w);
  const han = text.replace(/[^\p{Script=Han}]/gu, '');
  for (let i = 0; i + 1 < han.length; i++) out.add(han.slice(i, i + 2));
  return out;
}
