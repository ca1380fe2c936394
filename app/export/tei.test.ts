import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { issueDocumentOf, TWO_PAGES } from '../../tests/support/issue-document.js';
import { toTei } from './tei.js';

describe('tei', () => {
  const tei = toTei(issueDocumentOf(TWO_PAGES));

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(tei)).toBe(true);
    new XMLParser().parse(tei);
  });

  it('has a header naming the publication, its publisher and its date', () => {
    const header = /<teiHeader>[\s\S]*<\/teiHeader>/.exec(tei)![0];
    expect(header).toContain('<publicationStmt><publisher>凯里日报</publisher><date when="2021-10-28">2021-10-28</date>');
    expect(header).toContain('<title level="j">凯里日报</title><date when="2021-10-28">');
  });

  it('leaves the date out of the header of an undated issue rather than inventing one', () => {
    const undated = toTei(issueDocumentOf(TWO_PAGES, { date: null }));
    expect(XMLValidator.validate(undated)).toBe(true);
    expect(undated).not.toContain('<date when');
  });

  it('marks where each page starts and numbers articles by their place on the page, paragraphs within them', () => {
    const body = /<body>([\s\S]*)<\/body>/.exec(tei)![1]!;
    expect([...body.matchAll(/<pb n="(\d+)"\/>|<div [^>]*\bn="(\d+)"/g)].map((m) => (m[1] ? `pb${m[1]}` : `div${m[2]}`)))
      .toEqual(['pb1', 'div1', 'div2', 'pb2', 'div1']);
    expect(body).toContain('xml:id="p2-1"');
    expect(body).not.toMatch(/xml:id="p\d+-a\d+"/);
    expect([...body.matchAll(/<p n="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2', '1', '2', '1']);
  });

  it('gives each photo its own figure with its caption as the head', () => {
    expect(tei).toContain('<figure type="photo" n="1"><head>图为市民在大十字广场参加志愿服务活动。</head></figure>');
    expect(tei).toContain('<figure type="photo" n="2"><head>图为新建成的凯里市体育馆。</head></figure>');
  });

  it('keeps the line ends of a signature and of verse as <lb/>, and of prose not', () => {
    expect(tei).toContain('<closer><signed>凯里市文明办<lb/>2021年10月27日</signed></closer>');
    expect(tei).toContain('<p n="1" rend="verse">枯藤老树昏鸦，<lb/>小桥流水人家，<lb/>古道西风瘦马。</p>');
    expect(tei).toMatch(/<p n="1">本报讯（记者 张三）10月27日[^<]*确保创建工作取得实效。<\/p>/);
  });
});
