import { describe, expect, it } from 'vitest';
import { proposePage, renderPage } from '../engine/index.js';
import { emptyMetadata } from './model.js';
import { issueQa } from './qa.js';

describe('QA', () => {
  it('catches a space between a digit and a CJK character', () => {
    const annotation = proposePage(['凯里市去年完成归集万元', '', '本报讯（记者 张三）凯里市完成住房公积金归集。会议要求，各级各部门要提高认识。', '']);
    const { articles } = renderPage(annotation, { file: 'p.txt', sha256: '' });
    const typed = new Map(articles.map((a) => [a.id, { ...emptyMetadata(), title: '2021 年凯里市完成归集 50960 万元' }]));
    const page = { pageId: 1, pageNumber: 1, annotation, articles, metadata: typed, defaults: { issueDate: null, section: null } };
    const items = issueQa([page], emptyMetadata).items.filter((i) => i.kind === 'cjk-space');
    expect(items).toEqual([expect.objectContaining({ line: 1, detail: { quote: expect.stringContaining('2021 年') } })]);
  });
});

describe('QA items', () => {
  it('name the article they belong to by its title, as the editor set it', () => {
    const annotation = proposePage(['凯里市去年完成归集万元', '', '本报讯（记者 张三）凯里市完成住房公积金归集。会议要求，各级各部门要提高认识。', '']);
    const { articles } = renderPage(annotation, { file: 'p.txt', sha256: '' });
    const typed = new Map(articles.map((a) => [a.id, { ...emptyMetadata(), title: '2021 年归集', authors: [] }]));
    const page = { pageId: 1, pageNumber: 1, annotation, articles, metadata: typed, defaults: { issueDate: null, section: null } };
    const items = issueQa([page], emptyMetadata).items.filter((i) => i.article !== null);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.title).toBe('2021 年归集');
  });
});
