/** A date as Galley stores it: YYYY-MM-DD (whether it is a real day is checked where it is parsed). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date as an editor types it: YYYY-MM-DD, a printed date with its year (2021年10月28日) on its
 * own, and any other printed form (10月28日, 昨天) against the issue date. `needs-issue-date` when
 * the text is a date only the issue's date can place and the issue has none.
 */
export function resolveDateText(text: string, issueDate: string | null): string | 'needs-issue-date' | null {
  const t = text.trim();
  if (ISO_DATE.test(t)) {
    const d = new Date(`${t}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(t) ? t : null;
  }
  if (issueDate !== null) return resolveRelativeDate(t, issueDate);
  const m = /(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]/.exec(t.normalize('NFKC'));
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  // Any year places the rest: a date with no year of its own needs the issue's.
  return resolveRelativeDate(t, '2000-06-15') === null ? null : 'needs-issue-date';
}

/**
 * Dates as a newspaper prints them, resolved against the issue's date: `1 月 4 日`, `4日`, `昨天`,
 * `2020年12月31日`, `Jan. 4`, `4 January`, `yesterday`. A date without a year is taken in the year
 * that puts it nearest the issue (a 6 January issue's `12月31日` is last year's); a bare day in the
 * nearest month. Returns YYYY-MM-DD, or null when the text holds no date.
 */
export function resolveRelativeDate(text: string, issueDate: string): string | null {
  const issue = parseIso(issueDate);
  if (!issue) return null;
  const t = text.normalize('NFKC').replace(/\s+/g, ' ').trim();

  const offset = RELATIVE_DAYS.find(([pattern]) => pattern.test(t));
  if (offset) return iso(addDays(issue, offset[1]));

  let m = /(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]/.exec(t);
  if (m) return nearestYear(issue, Number(m[1]), Number(m[2]));
  m = /(?<![\d月])(\d{1,2})\s?[日号]/.exec(t);
  if (m) return nearestMonth(issue, Number(m[1]));

  m = new RegExp(`\\b(${MONTH_NAMES})[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'i').exec(t);
  if (m) return withMonthName(issue, m[1]!, Number(m[2]), m[3]);
  m = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})[a-z]*\\.?(?:,?\\s+(\\d{4}))?`, 'i').exec(t);
  if (m) return withMonthName(issue, m[2]!, Number(m[1]), m[3]);
  return null;
}

const RELATIVE_DAYS: [RegExp, number][] = [
  [/大前天|three days ago/i, -3],
  [/前天|前日|day before yesterday/i, -2],
  [/昨天|昨日|昨晚|yesterday/i, -1],
  [/今天|今日|今晨|今晚|本日|today|tonight/i, 0],
  [/大后天/, 3],
  [/后天/, 2],
  [/明天|明日|tomorrow/i, 1],
];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = MONTHS.join('|');

const DAY = 86_400_000;

/** Whether a YYYY-MM-DD names a day of the calendar (2021-02-29 and 2021-13-45 do not). */
export function isRealDay(date: string): boolean {
  return parseIso(date) !== null;
}

function parseIso(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return iso(d) === date ? d : null;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY);
}

function valid(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? iso(d) : null;
}

function nearest(issue: Date, candidates: (string | null)[]): string | null {
  let best: string | null = null;
  let distance = Infinity;
  for (const c of candidates) {
    if (c === null) continue;
    const gap = Math.abs(new Date(`${c}T00:00:00Z`).getTime() - issue.getTime());
    if (gap < distance) [best, distance] = [c, gap];
  }
  return best;
}

function nearestYear(issue: Date, month: number, day: number): string | null {
  const y = issue.getUTCFullYear();
  return nearest(issue, [y - 1, y, y + 1].map((year) => valid(year, month, day)));
}

function nearestMonth(issue: Date, day: number): string | null {
  const y = issue.getUTCFullYear();
  const m = issue.getUTCMonth() + 1;
  return nearest(issue, [-1, 0, 1].map((k) => {
    const d = new Date(Date.UTC(y, m - 1 + k, 1));
    return valid(d.getUTCFullYear(), d.getUTCMonth() + 1, day);
  }));
}

function withMonthName(issue: Date, monthName: string, day: number, year: string | undefined): string | null {
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  return year === undefined ? nearestYear(issue, month, day) : valid(Number(year), month, day);
}
