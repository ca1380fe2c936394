import type { Pattern } from './gate.js';

/**
 * What the engine needs to know about one language's newspapers: cue patterns only, no algorithm.
 * Patterns are tested on one trimmed line (or one short paragraph), anchored, with bounded repeats,
 * so their cost stays proportional to the line. Those tested on most lines stand behind a gate
 * (see gated): the characters a match cannot do without, so most lines never run the pattern.
 */
export interface Profile {
  lang: string;
  /** A dateline or byline that opens an article's first paragraph (本报讯, WASHINGTON, Jan. 1 —). */
  articleStart: Pattern;
  /** A byline printed on a line of its own (○ …记者 …, By …). */
  byline: Pattern;
  /** A line that continues a byline block (an affiliation under a By line). */
  bylineTail: Pattern;
  /** A photo caption, tested on a whole short paragraph. */
  captionCue: Pattern;
  /** A photo credit line (记者 王明 摄, AP Photo/…). */
  creditLine: Pattern;
  /** A kicker (引题) above the title, e.g. ending on a speech verb: …时强调. */
  kickerCue: Pattern;
  /** A subtitle (副题) marked as such, e.g. starting with a dash. */
  subtitleCue: Pattern;
  /** A letter's salutation (尊敬的…：, Dear …,). */
  salutation: Pattern;
  /** A letter's closing formula (此致, Sincerely,). */
  closing: Pattern;
  /** A date on a line of its own (a signature block's last line). */
  dateLine: Pattern;
  /** A jump to or from another page (转第2版, Continued on Page A4). */
  jumpLine: Pattern;
  /** A running head at the top of a page (section, date, page number). */
  pageHeader: Pattern;
  /** A running foot at the bottom of a page (page number, editor credits). */
  pageFooter: Pattern;
  /** A slogan banner: parallel phrases parted by spaces, tested on a page's last line. */
  slogan: Pattern;
  /** An advertisement (phone numbers, web addresses, ADVERTISEMENT). */
  advert: Pattern;
  /** A title that makes the article a notice (公告, Public Notice). */
  noticeTitle: Pattern;
  /**
   * How to read a headline group of two parts without other cues: Chinese papers set the main
   * title shorter than its kicker or subtitle; English papers put the headline first.
   */
  twoParts: 'shorter-is-title' | 'first-is-title';
  /** Author names from a byline or a dateline's role parenthetical, role words removed. */
  authors(text: string): string[];
}
