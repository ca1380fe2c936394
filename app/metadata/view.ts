import type { ArticleMetadata } from './model.js';
import type { MetadataDefaults, ResolvedMetadata } from './resolve.js';

/** What the metadata panel shows for one article. */
export interface ArticleMetadataView {
  pageId: number;
  articleId: string;
  /** As stored: null overrides mean "the engine's value" (see `resolved`). */
  metadata: ArticleMetadata;
  resolved: ResolvedMetadata;
  defaults: MetadataDefaults;
  /** The text entity offsets count in: the body paragraphs joined by "\n". */
  text: string;
}
