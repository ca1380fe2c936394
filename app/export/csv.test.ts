import { describe, expect, it } from 'vitest';
import { issueDocumentOf, TWO_PAGES } from '../../tests/support/issue-document.js';
import { toCsv } from './csv.js';

describe('csv', () => {
  it('counts each article\'s photo captions in a column of their own', () => {
    const [head, ...rows] = toCsv(issueDocumentOf(TWO_PAGES)).slice(1).trimEnd().split('\r\n').map((r) => r.split(','));
    const column = head!.indexOf('captions');
    expect(column).toBe(head!.indexOf('paragraphs') + 1);
    expect(rows.map((r) => r[column])).toEqual(['2', '0', '0']);
  });
});
