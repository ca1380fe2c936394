import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isUncertain, renderPage, splitLines, UNCERTAIN_BELOW } from '../engine/index.js';
import { evaluate, type EvalPage } from './evaluate.js';
import { goldToAnnotation, type GoldPage } from './gold-annotation.js';
import { scorePage } from './score.js';

const fixtures = new URL('../../tests/fixtures/pages/', import.meta.url);
const pages: EvalPage[] = readdirSync(fixtures)
  .filter((n) => n.endsWith('.gold.json'))
  .sort()
  .map((n) => ({ name: n, lines: splitLines(readFileSync(new URL(n.replace('.gold.json', '.txt'), fixtures), 'utf8')), gold: JSON.parse(readFileSync(new URL(n, fixtures), 'utf8')) as GoldPage }));

describe('goldToAnnotation', () => {
  it('gives an annotation that renders back to its gold file', () => {
    for (const p of pages) {
      const m = scorePage(p.gold, renderPage(goldToAnnotation(p.lines, p.gold), { file: p.name, sha256: '' }));
      expect(m.line_article_acc, p.name).toBe(1);
      expect(m.line_role_acc, p.name).toBe(1);
      expect(m.title_acc, p.name).toBe(1);
      expect(m.score, p.name).toBeGreaterThan(0.97);
    }
  });

  it('names the line of a label it does not know', () => {
    const p = pages[0]!;
    const labels = [...p.gold.line_labels];
    const at = labels.findIndex((l) => l !== null);
    labels[at] = 'e1:sidebar';
    expect(() => goldToAnnotation(p.lines, { ...p.gold, line_labels: labels })).toThrow(new RegExp(`gold line ${at}`));
  });
});

describe('evaluate', () => {
  it('scores each page before learning from it and draws the learning curve', () => {
    const ev = evaluate(pages, 'adapt');
    expect(ev.curve!.map((c) => c.learned)).toEqual(pages.map((_, k) => k));
    expect(ev.pages[0]!.learnedFrom).toBe(0);
    const later = ev.pages.slice(3).map((r) => r.metrics.score);
    expect(ev.meanAfter3).toBeCloseTo(later.reduce((s, x) => s + x, 0) / later.length, 12);
  });

  it('leaves each page out of what it is scored with, and the plain run learns nothing', () => {
    const cv = evaluate(pages, 'cv');
    expect(cv.pages.every((r) => r.learnedFrom === pages.length - 1)).toBe(true);
    const plain = evaluate(pages, 'plain');
    expect(plain.pages.every((r) => r.learnedFrom === 0)).toBe(true);
    expect(cv.mean).toBeGreaterThan(plain.mean - 0.02);
  });

  it('counts every labelled line once in the calibration and flags only uncertain decisions', () => {
    const ev = evaluate(pages, 'plain');
    const lines = pages.reduce((s, p) => s + p.gold.line_labels.filter((l, i) => l !== null && p.lines[i - 1]?.trim()).length, 0);
    expect(ev.calibration.labels.reduce((s, b) => s + b.decisions, 0)).toBe(lines);
    expect(ev.flagged.lines).toBe(lines);
    expect(ev.flagged.flagged).toBeLessThanOrEqual(lines);
    expect(ev.flagged.wrongFlagged).toBeLessThanOrEqual(ev.flagged.wrongLabels);
    for (const b of ev.calibration.labels) expect(b.right).toBeLessThanOrEqual(b.decisions);
  });
});

describe('isUncertain', () => {
  it('flags low confidences only, never an editor decision or a missing reason', () => {
    expect(isUncertain({ rule: 'short-line', confidence: UNCERTAIN_BELOW - 0.01 })).toBe(true);
    expect(isUncertain({ rule: 'short-line', confidence: UNCERTAIN_BELOW })).toBe(false);
    expect(isUncertain({ rule: 'editor', confidence: 0 })).toBe(false);
    expect(isUncertain(undefined)).toBe(false);
  });
});
