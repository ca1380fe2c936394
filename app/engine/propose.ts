import type { PageAnnotation } from '../model/page.js';
import { applyLearned, type PublicationProfile } from './learn/publication.js';
import { firstPass, type FirstPassOptions } from './segment.js';

export interface ProposeOptions extends FirstPassOptions {
  /** The publication's learned profile: the engine's first pass, then what this paper's editors taught it. */
  learned?: PublicationProfile;
}

/** The engine's proposal for one page: every line labelled, every break decided, each with its reason. */
export function proposePage(lines: readonly string[], options: ProposeOptions = {}): PageAnnotation {
  const page = firstPass(lines, options);
  return options.learned && options.learned.pages > 0 ? applyLearned(lines, page, options.learned) : page;
}
