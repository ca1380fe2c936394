import { describe, expect, it } from 'vitest';
import type { LibraryTree, PageSummary } from '../../../app/contract.js';
import { firstPageId, locatePage, pagePosition } from './selectors.js';

const page = (id: number, issueId: number, number: number): PageSummary => ({
  id,
  issueId,
  number,
  file: `p${number}.txt`,
  section: null,
  lineCount: 10,
  articleCount: 1,
});

const tree: LibraryTree = {
  publications: [
    { id: 1, name: '空报', issues: [{ id: 1, publicationId: 1, date: null, label: 'empty', incomplete: false, pages: [] }] },
    {
      id: 2,
      name: '凯里日报',
      issues: [
        { id: 2, publicationId: 2, date: '2021-01-06', label: '2021-01-06', incomplete: false, pages: [page(7, 2, 1), page(8, 2, 2), page(9, 2, 3)] },
        { id: 3, publicationId: 2, date: '2021-01-07', label: '2021-01-07', incomplete: false, pages: [page(4, 3, 1)] },
      ],
    },
  ],
};

describe('library selectors', () => {
  it('finds the first page, skipping empty issues', () => {
    expect(firstPageId(tree)).toBe(7);
    expect(firstPageId({ publications: [] })).toBeNull();
    expect(firstPageId(null)).toBeNull();
  });

  it('locates a page with its issue and publication', () => {
    const found = locatePage(tree, 4);
    expect([found?.publication.name, found?.issue.id, found?.page.number]).toEqual(['凯里日报', 3, 1]);
    expect(locatePage(tree, 99)).toBeNull();
    expect(locatePage(tree, null)).toBeNull();
  });

  it('gives the page position within its issue', () => {
    expect(pagePosition(tree, 8)).toEqual({ n: 2, of: 3 });
    expect(pagePosition(tree, 4)).toEqual({ n: 1, of: 1 });
    expect(pagePosition(tree, 99)).toBeNull();
  });
});
