export const SEARCH_KINDS = ['text', 'title', 'author', 'tag'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One search result: where to open the editor. */
export interface SearchHit {
  kind: SearchKind;
  issueId: number;
  pageId: number;
  pageNumber: number;
  /** The source line to open the editor at. */
  line: number;
  /** Set for a part of a line an editor split. */
  part?: number;
  articleId: string | null;
  /** The matching line, or the matching title, author or tag (tags include keywords and tagged people, places, organisations). */
  text: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** False while some pages wait to be indexed (just imported or edited): their hits may be missing. */
  complete: boolean;
  pending: number;
}
