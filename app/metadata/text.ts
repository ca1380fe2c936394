/** Between paragraphs in the article text: one character, so offsets stay easy to check by eye. */
export const PARAGRAPH_SEPARATOR = '\n';

/**
 * The text entity offsets count in: the article's body paragraphs, as rendered, joined by "\n".
 * Titles, bylines and captions are not part of it (they have fields of their own), so retitling an
 * article never moves a tag.
 */
export function articleText(article: { readonly paragraphs: readonly string[] }): string {
  return article.paragraphs.join(PARAGRAPH_SEPARATOR);
}

/** Index of the paragraph that holds offset `at` of `articleText(article)`. */
export function paragraphAt(paragraphs: readonly string[], at: number): number {
  let end = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    end += paragraphs[i]!.length;
    if (at < end) return i;
    end += PARAGRAPH_SEPARATOR.length;
  }
  return Math.max(0, paragraphs.length - 1);
}
