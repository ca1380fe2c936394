import type { PageAnnotation } from '../model/page.js';
import type { PageSegmentation } from '../model/segmentation.js';

// Interim first pass (one article, every line a body line) until the real engine lands.

/** Split decoded page text into lines on \n, \r\n or \r, exactly as the source line numbers count them. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function proposePage(lines: readonly string[]): PageAnnotation {
  return {
    section: null,
    headlineOrder: 'unknown',
    articles: [{ id: 'a1', genre: 'news', authors: [], flags: [] }],
    lines: lines.map((text, i) => ({
      n: i + 1,
      text,
      label: text.trim() === '' ? null : { kind: 'article', article: 'a1', role: 'body' },
      brk: 'join',
      why: {},
    })),
  };
}

export function renderPage(page: PageAnnotation, source: { file: string; sha256: string }): PageSegmentation {
  const body = page.lines.filter((l) => l.label !== null);
  return {
    source: { file: source.file, sha256: source.sha256, lines: page.lines.length },
    section: page.section,
    furniture: [],
    articles: page.articles.map((a) => ({
      id: a.id, genre: a.genre, kicker: null, title: null, subtitle: null, authors: a.authors,
      byline: null, signature: null, flags: a.flags,
      spans: body.length ? [{ role: 'body' as const, from: body[0]!.n, to: body[body.length - 1]!.n }] : [],
      paragraphs: body.length ? [body.map((l) => l.text.trim()).join('')] : [],
      captions: [],
    })),
  };
}
