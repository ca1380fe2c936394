import type { PageAnnotation } from '../../app/model/page.js';
import type { PageSegmentation } from '../../app/model/segmentation.js';

/**
 * Test helpers for the "nothing lost" property: the non-whitespace characters of a page against
 * those of its segmentation. Hyphens are counted apart: rejoining a hyphenated word drops one.
 */
export function visibleCounts(texts: Iterable<string>): { chars: Map<string, number>; hyphens: number } {
  const chars = new Map<string, number>();
  let hyphens = 0;
  for (const t of texts) {
    for (const ch of t) {
      if (/\s/.test(ch)) continue;
      if (ch === '-') hyphens++;
      else chars.set(ch, (chars.get(ch) ?? 0) + 1);
    }
  }
  return { chars, hyphens };
}

/** Every text the segmentation carries, furniture lines taken from the annotation's source lines. */
export function segmentationTexts(seg: PageSegmentation, page: PageAnnotation): string[] {
  const out: string[] = [];
  for (const f of seg.furniture) for (let n = f.from; n <= f.to; n++) out.push(page.lines[n - 1]?.label?.kind === 'furniture' ? page.lines[n - 1]!.text : '');
  for (const a of seg.articles) {
    out.push(a.kicker ?? '', a.title ?? '', a.subtitle ?? '', a.byline ?? '', a.signature ?? '', ...a.paragraphs, ...a.captions);
  }
  return out;
}

/** Lines ending in a hyphen: the most hyphens a segmentation may drop. */
export function hyphenEnds(lines: readonly string[]): number {
  return lines.filter((l) => /[\p{L}\p{N}]-\s*$/u.test(l)).length;
}
