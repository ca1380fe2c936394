/**
 * Every rule code the engine writes into a Reason, so the UI can check it has a translation for each.
 * Codes are stable: rename one only with a migration of stored reasons.
 */
export const RULES = [
  // furniture
  'page-header',
  'page-footer',
  'advert-cue',
  'slogan-banner',
  // line roles
  'start-cue',
  'byline-cue',
  'photo-credit',
  'jump-line',
  'salutation',
  'closing',
  'signature-block',
  'caption-cue',
  'caption-short-line',
  'body-flow',
  'headline-block',
  'headline-size',
  'headline-position',
  'headline-two-lines',
  'kicker-cue',
  'kicker-position',
  'subtitle-cue',
  'subheadline-position',
  'kicker-size',
  'subheadline-size',
  'name-under-headline',
  // article starts and headline order
  'after-headline',
  'headline-first',
  'page-start',
  'order-overlap',
  'order-no-headline',
  // line breaks
  'short-line-final',
  'short-line',
  'indent-next',
  'full-line',
  'no-final-punct',
  'column-break',
  'print-column-break',
  'blank-after-sentence',
  'blank-unpointed',
  'unpointed-flow',
  'after-byline',
  'width-change',
  'cue-next',
  'cue-line',
  'role-end',
  'caption-end',
  'caption-run',
  'headline-part',
  // hyphens at line ends
  'hyphen-vocabulary',
  'hyphen-wordlist',
  'hyphen-soft',
  // what a publication's learned profile overruled
  'learned-label',
  'learned-break',
  'learned-article',
  // what the source file itself said (a METS logical structure)
  'source-structure',
] as const;

export type RuleCode = (typeof RULES)[number];
