import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GatedPattern } from './gate.js';
import { PROFILES } from './index.js';

const root = new URL('../../../', import.meta.url);
const pageDirs = [new URL('tests/fixtures/kaili/', root), new URL('tests/fixtures/pages/', root)];
const realLines = pageDirs.flatMap((dir) => readdirSync(dir).filter((n) => n.endsWith('.txt')).flatMap((n) => readFileSync(new URL(n, dir), 'utf8').split(/\r\n|\r|\n/)));

const gatedPatterns = Object.values(PROFILES).flatMap((profile) => Object.entries(profile).flatMap(([name, value]) => (value instanceof GatedPattern ? [{ name: `${profile.lang}.${name}`, pattern: value }] : [])));

/** The texts cues are tested on: lines as read, trimmed, their openings, and short runs of lines joined. */
function variants(lines: readonly string[]): string[] {
  const out: string[] = [];
  lines.forEach((l, i) => {
    const t = l.trim();
    out.push(l, t, t.slice(0, 48), t + (lines[i + 1] ?? '').trim(), t.replace(/\s+/g, ''));
  });
  return out;
}

describe('gated cue patterns', () => {
  it('gate only what their pattern would reject', () => {
    expect(gatedPatterns.length).toBeGreaterThan(10);
    const texts = variants(realLines);
    for (const { name, pattern } of gatedPatterns) for (const t of texts) expect([name, t, pattern.test(t)]).toEqual([name, t, pattern.re.test(t)]);
  });

  it('gate only what their pattern would reject, for texts made of cue pieces', () => {
    const piece = fc.constantFrom('本报', '新华社', '人民网', '网', '社', '台', '报', '电', '讯', '北京', '，', '记者', '通讯员', '王明', '李华', '摄', '摄影', '（', '）', '(', ')', ' ', '\u3000', '年', '月', '日', '2021', '12', '版', '转第', '尊敬的', '：', ':', '此致', '图为', '○', 'By', 'Mary Lee', 'Photo', 'Dear', 'Sincerely', 'January', ', ', 'Continued on Page', 'A4', 'See', 'Associated Press', '—', 'x', '。', ',');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const t = pieces.join('');
        for (const { pattern } of gatedPatterns) expect(pattern.test(t)).toBe(pattern.re.test(t));
      }),
      { numRuns: 3000 },
    );
  });
});
