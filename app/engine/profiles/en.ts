import { gated } from './gate.js';
import type { Profile } from './profile.js';

const AFFILIATION = /^(?:The )?(?:Associated Press|Reuters|AFP|Bloomberg|Staff|Special|Correspondent|Contributing|For the|Of the)\b|\b(?:Writer|Writers|Reporter|Reporters|Correspondent|Editor|Press|News|Times|Post|Herald)$/;
const NAME = /^[A-Z][A-Za-z.'’-]*(?: (?:[A-Z][A-Za-z.'’-]*|de|van|von|da|del|la|le|bin|al)){0,4}$/;

/** Names from "By Mary Johnson and David Lee, Associated Press" and photo credits. */
function authors(text: string): string[] {
  // a dateline (WASHINGTON, Jan. 1 —) names a place, not a writer
  if (!/^(?:By|BY|\(?(?:AP|Reuters|AFP) Photo\/|Photo|Photograph|PHOTO)\b/.test(text)) return [];
  const s = text.replace(/^(?:By|BY)\s+/, '').replace(/^\(?(?:AP|Reuters|AFP) Photo\//, '').replace(/^(?:Photo|Photograph|PHOTO)(?: by|:)\s+/, '').replace(/\s*\/.*$/, '').replace(/\)$/, '');
  const out: string[] = [];
  for (const raw of s.split(/\s*,\s*|\s+and\s+|\s*&\s*|\s+AND\s+/)) {
    const tok = raw.trim();
    if (tok && NAME.test(tok) && !AFFILIATION.test(tok)) out.push(tok);
  }
  return out;
}

export const en: Profile = {
  lang: 'en',
  articleStart: /^(?:[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}(?:, [A-Z][a-z]{1,9}\.?(?: \d{1,2})?)?(?: \((?:AP|Reuters|AFP|UPI|Bloomberg)\))? ?[—–]|\((?:AP|Reuters|AFP|UPI)\) ?[—–-])/,
  byline: gated(/^(?:By|BY) [A-Z][A-Za-z.'’-]*(?:,? (?:[A-Za-z.'’-]+|&)){0,14}$/, { first: 'B' }),
  bylineTail: /^(?:The )?(?:Associated Press|Reuters|AFP|Bloomberg News|Staff (?:Writer|Writers|Reporter)|Special to .{1,40}|[A-Z][a-z]+ Correspondent|For the .{1,40}|[A-Z][a-z]+ [A-Z][a-z]+ (?:Writer|Reporter|Correspondent))$/,
  captionCue: gated(/^(?:Photo|PHOTO|Pictured|ABOVE|BELOW|LEFT|RIGHT|TOP)\b|\((?:AP|Reuters|AFP|Getty)(?: Images)? Photo(?:\/[^)]{1,40})?\)$|\((?:Photo|Photograph) by [^)]{1,40}\)$/, { first: 'PABLRT', last: ')' }),
  creditLine: /^(?:\(?(?:AP|Reuters|AFP) Photo\/[^)]{1,40}\)?|(?:Photo|Photograph|PHOTO)(?: by|:) [A-Z].{0,40}|[A-Z][A-Za-z.'’ -]{2,40} ?\/ ?(?:Staff Photographer|AP|Reuters|Getty Images|The [A-Z][A-Za-z ]{2,30}))$/,
  kickerCue: /^[A-Z][A-Z&'’ -]{2,20}:$/,
  subtitleCue: /^(?:—|--)/,
  salutation: gated(/^(?:Dear [^.!?]{1,40}|To the [Ee]ditor)[,:]$/, { first: 'DT' }),
  closing: gated(/^(?:Sincerely|Yours (?:truly|sincerely|faithfully)|Regards|Best regards|Respectfully)[,.]?$/, { first: 'SYRB' }),
  dateLine: gated(/^(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$/, { first: 'JFMASOND' }),
  jumpLine: gated(/^\(?(?:Continued|Please see|See) .{0,40}(?:[Pp]age|PAGE) ?[A-H]?-?\d{1,3}\)?\.?$|^\(?(?:See|Please see) [A-Z][A-Z]+, (?:Page )?[A-H]?\d{1,3}\)?$|^\(?Continued (?:from|on) .{0,30}\)?$/, { first: '(CPS' }),
  pageHeader: /^[A-Z][A-Z&]+(?: [A-Z&]+){0,3}\.?$|\b(?:Page|PAGE) [A-H]?\d{1,3}\b|\| ?[A-H]\d{1,2}\b|\b[A-H]\d{1,2} ?\||\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY),? [A-Za-z]+\.? \d{1,2},? \d{4}/,
  pageFooter: /^(?:[-—–\s]*\d{1,3}[-—–\s]*|(?:Page|PAGE) [A-H]?\d{1,3}|[A-H]\d{1,2}(?: .{1,60})?|.{1,60} [A-H]\d{1,2})$/,
  advert: /^(?:ADVERTISEMENT|Advertisement|SPONSORED CONTENT|Sponsored|PAID ADVERTISEMENT)$|\b(?:[Cc]all|CALL)\b.{0,40}\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}|\b(?:www\.)[a-z0-9-]+\.(?:com|net|org)\b/,
  // English papers print slogans rarely enough that nothing is taken for one
  slogan: /(?!)/,
  noticeTitle: /^(?:(?:PUBLIC|LEGAL|Public|Legal) )?(?:NOTICE|Notice)\b/,
  twoParts: 'first-is-title',
  authors,
};
