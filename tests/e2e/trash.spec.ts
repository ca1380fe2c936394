import { expect, importPages, sourceLine, test } from './editor-app.js';

test.describe('deleting from the library', () => {
  test('Delete on a page takes it out, Undo brings it back; a deleted issue comes back from Recently deleted', async ({ app: page }) => {
    const lines = Array.from({ length: 20 }, (_, i) => `第二页第${i + 1}行的正文。`).join('\n');
    await importPages(page, { name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from(lines, 'utf8') });
    const second = page.locator('.page-item[title="second.txt"]');
    await expect(sourceLine(page, '第二页第1行的正文')).toBeVisible();

    // the open page goes: the library opens the first page left
    await second.focus();
    await page.keyboard.press('Delete');
    await expect(second).toHaveCount(0);
    const bar = page.locator('.undo-delete');
    await expect(bar).toContainText('已删除');
    await expect(sourceLine(page, '本报讯（通讯员 李靖）根据州委关于巡')).toBeVisible();
    await bar.getByRole('button', { name: '撤销' }).click();
    await expect(second).toBeVisible();
    await expect(sourceLine(page, '第二页第1行的正文')).toBeVisible();
    await expect(bar).toHaveCount(0);

    // a whole issue, by its ✕ (Delete on it does the same), back through Recently deleted
    const issue = page.locator('.issue', { has: second });
    await issue.locator('.issue-delete').focus();
    await page.keyboard.press('Delete');
    await expect(second).toHaveCount(0);
    const trash = page.locator('.recently-deleted');
    await trash.locator('summary').click();
    await expect(trash.locator('.trash-item')).toHaveCount(1);
    await trash.getByRole('button', { name: '恢复' }).click();
    await expect(second).toBeVisible();
    await expect(trash.locator('.trash-item')).toHaveCount(0);

    // deleted for good, by keyboard: the confirmation names what goes and starts on Cancel
    await second.focus();
    await page.keyboard.press('Delete');
    await expect(trash.locator('.trash-item')).toHaveCount(1);
    await trash.getByRole('button', { name: '永久删除…' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: '永久删除此项？' });
    await expect(confirm).toContainText('second.txt');
    await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(confirm).toHaveCount(0);
    await expect(trash.locator('.trash-item')).toHaveCount(0);
    await expect(bar).toHaveCount(0);
  });
});
