// Security settings that live in configuration files rather than code: the renderer's CSP, the
// Electron fuses electron-builder flips in the packaged binary, the accepted audit findings.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/policy.js';

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

function cspOf(html: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!meta) throw new Error('no Content-Security-Policy meta tag');
  return meta[1]!;
}

function expectStrictCsp(csp: string): void {
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
  expect(scripts).toEqual(["'self'"]);
}

describe('the renderer\'s Content-Security-Policy', () => {
  it('is the shell\'s policy, with no inline or eval\'d script or style', () => {
    const csp = cspOf(readFileSync(repo('renderer/index.html'), 'utf8'));
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expectStrictCsp(csp);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
  });

  // `npm test` builds first; a stale local build may predate the latest tightening, not loosen it.
  it.runIf(existsSync(repo('out/renderer/index.html')))('holds in the built renderer, which has no inline script either', () => {
    const html = readFileSync(repo('out/renderer/index.html'), 'utf8');
    expectStrictCsp(cspOf(html));
    for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) expect(tag).toMatch(/\ssrc=/);
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
  });
});

describe('the Electron fuses electron-builder sets', () => {
  /** electron-builder.yml's `electronFuses:` block: flat `name: boolean` lines. */
  function fuses(): Record<string, string> {
    const lines = readFileSync(repo('electron-builder.yml'), 'utf8').split('\n');
    const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
    expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThanOrEqual(0);
    const block: Record<string, string> = {};
    for (const line of lines.slice(start + 1)) {
      const entry = /^\s+([A-Za-z]+):\s*(\S+)\s*(#.*)?$/.exec(line);
      if (!entry) break;
      block[entry[1]!] = entry[2]!;
    }
    return block;
  }

  it('turn off running as Node, NODE_OPTIONS and inspect arguments, and load only an integrity-checked asar', () => {
    expect(fuses()).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });
});

describe('accepted Electronegativity findings', () => {
  it('each name a check and a file and say why', () => {
    const accepted = JSON.parse(readFileSync(repo('security/electronegativity-accepted.json'), 'utf8')) as Record<string, unknown>[];
    for (const entry of accepted) {
      expect(Object.keys(entry).sort()).toEqual(['check', 'file', 'reason']);
      expect(entry.check).toMatch(/^[A-Z_]+$/);
      expect(existsSync(repo(String(entry.file))), String(entry.file)).toBe(true);
      expect(String(entry.reason).length).toBeGreaterThan(40);
    }
  });
});
