import type { PageAnnotation } from '../../app/model/page.js';

/**
 * What a page's own header and footer print about its issue: the date (2021年10月28日), the page
 * (第2版) and the paper's name (凯里日报). Read from the lines the engine took for furniture and
 * the page's first lines that are no sentence; a date inside an article says nothing about the issue.
 */
export interface HeaderFacts {
  date: string | null;
  page: number | null;
  publication: string | null;
}

const OPENING = 3;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const PAGE = /第\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版/;
const PAPER = /([\p{Script=Han}]{2,8}(?:日报|晚报|早报|商报|都市报|时报))/u;
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function headerFacts(page: PageAnnotation): HeaderFacts {
  const filled = page.lines.filter((l) => l.text.trim() !== '');
  const opening = filled.slice(0, OPENING).filter((l) => !/[，。；,;]/.test(l.text));
  const edges = [...new Set([...opening, ...filled.filter((l) => l.label?.kind === 'furniture')])].map((l) => l.text.trim());
  const facts: HeaderFacts = { date: null, page: null, publication: null };
  for (const line of edges) {
    const d = facts.date === null ? DATE.exec(line) : null;
    if (d) facts.date = calendarDate(Number(d[1]), Number(d[2]), Number(d[3]));
    const p = facts.page === null ? PAGE.exec(line) : null;
    if (p) facts.page = pageNumber(p[1]!);
    const name = facts.publication === null ? PAPER.exec(line) : null;
    if (name) facts.publication = name[1]!;
  }
  return facts;
}

function calendarDate(y: number, m: number, d: number): string | null {
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return y >= 1800 && y <= 2200 && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}

function pageNumber(text: string): number | null {
  const digits = text.normalize('NFKC');
  if (/^\d+$/.test(digits)) return Number(digits) || null;
  // 十 = 10, 十二 = 12, 二十 = 20, 二十三 = 23
  const [tens, units] = text.includes('十') ? text.split('十') : ['', text];
  const n = (text.includes('十') ? (tens === '' ? 1 : (CN_DIGITS[tens!] ?? 0)) * 10 : 0) + (units === '' ? 0 : (CN_DIGITS[units!] ?? 0));
  return n > 0 ? n : null;
}
