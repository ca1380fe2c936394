import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { type GalleyServer, startGalley } from './server.js';

// Issue #4: nothing an editor was told is saved may be lost when the process dies mid-edit. The
// page fires a burst of edits at the browser-mode server, the server is SIGKILLed in the middle,
// started again on the same library, and every acknowledged edit must be there, and undoable.

interface Edit {
  n: number;
  text: string;
}

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

/** One call from the page, as the UI makes it; answers the `Result`. */
function call(page: Page, token: string, channel: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  return page.evaluate(async ({ token, channel, input }) => {
    const res = await fetch(`/api/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    return res.json();
  }, { token, channel, input });
}

interface PageInfo {
  pageId: number;
  lines: { n: number; text: string; label: unknown }[];
  history: { canUndo: boolean; undoOp: string | null; revision: number };
}

async function openPage(page: Page, token: string): Promise<PageInfo> {
  const tree = await call(page, token, 'library:tree', {});
  const pageId = (tree.value as { publications: { issues: { pages: { id: number }[] }[] }[] }).publications[0]!.issues[0]!.pages[0]!.id;
  const detail = (await call(page, token, 'pages:get', { pageId })).value as { annotation: { lines: PageInfo['lines'] }; history: PageInfo['history'] };
  return { pageId, lines: detail.annotation.lines, history: detail.history };
}

let dir: string;
let server: GalleyServer | undefined;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'galley-e2e-durability-'));
});
test.afterEach(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('every acknowledged edit survives a SIGKILL of the server mid-burst, and undo still works', async ({ page }) => {
  const library = join(dir, 'library.db');
  server = await startGalley(library);
  let token = tokenOf(server.url);
  await page.goto(server.url);
  await expect(page.locator('.cm-line').first()).toBeVisible();
  const before = await openPage(page, token);
  // Lines with text from the top of the page, so the first edits are on screen after the restart.
  const edits: Edit[] = before.lines.filter((l) => l.label !== null && !l.text.includes('\t')).slice(0, 120)
    .map((l, k) => ({ n: l.n, text: `${l.text}【存${k}】` }));

  await test.step('a burst of edits is fired and the server is killed in the middle of it', async () => {
    await page.evaluate(({ token, pageId, edits }) => {
      const state = { acked: [] as number[], stopped: '' };
      (window as unknown as { burst: typeof state }).burst = state;
      void (async () => {
        for (const [k, edit] of edits.entries()) {
          try {
            const res = await fetch('/api/edits:apply', {
              method: 'POST',
              headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
              body: JSON.stringify({ pageId, op: { op: 'editLine', n: edit.n, text: edit.text } }),
            });
            const answer = (await res.json()) as { ok: boolean };
            if (!answer.ok) throw new Error(JSON.stringify(answer));
            state.acked.push(k);
          } catch (err) {
            state.stopped = String(err);
            return;
          }
        }
        state.stopped = 'done';
      })();
    }, { token, pageId: before.pageId, edits });
    await expect.poll(() => page.evaluate(() => (window as unknown as { burst: { acked: number[] } }).burst.acked.length)).toBeGreaterThanOrEqual(20);
    await server!.kill();
    await expect.poll(() => page.evaluate(() => (window as unknown as { burst: { stopped: string } }).burst.stopped)).not.toBe('');
  });
  const burst = await page.evaluate(() => (window as unknown as { burst: { acked: number[]; stopped: string } }).burst);
  expect(burst.stopped, 'the kill came before the burst ended').not.toBe('done');
  expect(burst.acked).toEqual(burst.acked.map((_, i) => i));

  server = await startGalley(library);
  token = tokenOf(server.url);
  await page.goto(server.url);
  const after = await openPage(page, token);
  const textOf = (n: number) => after.lines.find((l) => l.n === n)!.text;

  await test.step('every acknowledged edit is in the restarted library, at most the one in flight beyond', async () => {
    for (const k of burst.acked) expect(textOf(edits[k]!.n), `edit ${k}`).toBe(edits[k]!.text);
    const saved = edits.filter((e) => textOf(e.n) === e.text).length;
    expect(saved - burst.acked.length).toBeGreaterThanOrEqual(0);
    expect(saved - burst.acked.length).toBeLessThanOrEqual(1);
    expect(after.history).toMatchObject({ canUndo: true, undoOp: 'editLine', revision: before.history.revision + saved });
    await expect(page.locator('.cm-line', { hasText: edits[0]!.text }).first()).toBeVisible();
  });

  await test.step('undo after the restart reverts the last saved edit, from the journal', async () => {
    const last = edits.filter((e) => textOf(e.n) === e.text).at(-1)!;
    const undone = await call(page, token, 'edits:undo', { pageId: after.pageId });
    expect(undone).toMatchObject({ ok: true });
    const reverted = await openPage(page, token);
    expect(reverted.lines.find((l) => l.n === last.n)!.text).toBe(before.lines.find((l) => l.n === last.n)!.text);
    expect(reverted.history.revision).toBe(after.history.revision + 1);
  });
});
