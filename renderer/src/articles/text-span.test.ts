import { describe, expect, it } from 'vitest';
import { articleText } from '../../../app/metadata/text.js';
import { localOffset, paragraphStarts, trimSpan } from './text-span.js';

const paragraphs = ['本报讯（通讯员 李靖）1月4日，市委书记向必武', '在炉碧经济开发区，向必武、杨波先后', '𠀀字 astral'];
const text = articleText({ paragraphs });

describe('article text offsets', () => {
  it('count UTF-16 units, one separator between paragraphs, as the server does', () => {
    const starts = paragraphStarts(paragraphs);
    expect(starts).toEqual([0, paragraphs[0]!.length + 1, paragraphs[0]!.length + paragraphs[1]!.length + 2]);
    for (const [i, start] of starts.entries()) expect(text.slice(start, start + paragraphs[i]!.length)).toBe(paragraphs[i]);
  });

  it('map an offset back to its paragraph, an astral character counting two', () => {
    const at = text.indexOf('杨波');
    expect(localOffset(paragraphs, at)).toEqual({ paragraph: 1, offset: paragraphs[1]!.indexOf('杨波') });
    expect(localOffset(paragraphs, text.indexOf('字'))).toEqual({ paragraph: 2, offset: 2 });
    expect(localOffset(paragraphs, text.length)).toEqual({ paragraph: 2, offset: paragraphs[2]!.length });
  });

  it('drop the spaces and line break a drag takes along, keep single Chinese characters', () => {
    const at = text.indexOf('杨波');
    expect(trimSpan(text, at - 1, at + 2)).toEqual({ start: at - 1, end: at + 2, text: '、杨波' });
    const end = paragraphs[0]!.length;
    expect(trimSpan(text, end - 3, end + 1)).toEqual({ start: end - 3, end, text: '向必武' });
    expect(trimSpan(text, text.indexOf('向'), text.indexOf('向') + 1)?.text).toBe('向');
    expect(trimSpan('a  b', 1, 3)).toBeNull();
  });
});
