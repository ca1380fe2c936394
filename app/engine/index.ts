/** The engine's public surface: what the store, the importer and the editor UI call. */
export { proposePage, type ProposeOptions } from './propose.js';
export { applySourceStructure, type SourceArticle } from './source-structure.js';
export { emptyPublicationProfile, learnFromPage, parsePublicationProfile, publicationProfileSchema, PUBLICATION_PROFILE_VERSION, type PublicationProfile } from './learn/publication.js';
export { isUncertain, UNCERTAIN_BELOW } from './uncertainty.js';
export { renderPage } from './render.js';
export { RULES, type RuleCode } from './rules.js';
export { PROFILES, detectProfile, type Profile } from './profiles/index.js';

/** Split decoded page text into lines on \n, \r\n or \r, exactly as the source line numbers count them. */
export function splitLines(text: string): string[] {
  // most text ends its lines with \n alone: a plain split gives what the pattern would
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}
