/**
 * The review UI in a real browser (Debian's Chromium through playwright-core): an analyst works the
 * queue with the keyboard, confirms and relabels, sees the audit log; an auditor runs a blind audit
 * sample and exports; an admin manages users; hostile message text never runs. Screenshots of each
 * main page go to test-artifacts/review-ui/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isValid } from '@tg-risk/schemas';
import { launchChromium, unexpectedConsole, watchPage, type PageWatch } from './chromium.ts';
import { screenshot, signInAs, startReviewServer, type RunningReview } from './review-server.ts';

// Functions passed to page.waitForFunction/evaluate run in the page; these are the page globals they use
// (the repository's TypeScript has no DOM library).
declare const document: {
  getElementById(id: string): { textContent: string | null } | null;
  querySelector(selector: string): { textContent: string | null } | null;
};
declare const location: { hash: string };
declare const window: Record<string, unknown>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

async function openPage(): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  return { context, page, watch: watchPage(page) };
}

const hashOf = (page: Page) => new URL(page.url()).hash;

describe('review UI in Chromium', () => {
  let server: RunningReview;
  beforeAll(async () => {
    server = await startReviewServer();
  });
  afterAll(async () => server?.close());

  it('an analyst works the queue with the keyboard, confirms, relabels and sees the audit log', async () => {
    const { context, page, watch } = await openPage();
    await page.goto(`${server.url}/#/login`);
    await page.waitForSelector('#username');
    await screenshot(page, 'login');
    await signInAs(page, server.url, 'ana');
    await page.waitForSelector('#queue tbody tr');
    await screenshot(page, 'queue');
    // Uncertainty order: the review band first, so the 0.65 fraud message heads the queue.
    await expect
      .poll(() => page.locator('#queue tbody tr').first().textContent())
      .toContain('Double your money');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#message-text');
    expect(hashOf(page)).toBe('#/message/1001/3');
    expect(await page.textContent('#message-text')).toBe(
      'Double your money with our trading bot, returns 5% per day',
    );
    expect(await page.textContent('#message-text mark.ev-fraud')).toBe('5% per day');
    await screenshot(page, 'message');

    await page.keyboard.press('c');
    await page.waitForFunction(() => location.hash === '#/message/1002/2');
    await page.waitForSelector('#relabel-start');
    await page.keyboard.press('l');
    await page.keyboard.press('2');
    await page.fill('#note', 'restock of a drugs shop');
    await page.keyboard.press('Escape');
    await page.keyboard.press('s');
    await page.waitForFunction(() => location.hash === '#/message/1003/2');

    await page.goto(`${server.url}/#/audit`);
    await page.waitForSelector('#audit-log tbody tr');
    const rows = await page.locator('#audit-log tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('relabel');
    expect(rows[0]).toContain('[drugs]');
    expect(rows[0]).toContain('restock of a drugs shop');
    expect(rows[1]).toContain('confirm');
    // 1001/3 was in the review band, not flagged: confirming the model means "no violation".
    expect(rows[1]).toContain('[none]');
    expect(rows.every((r) => r.includes('ana'))).toBe(true);
    await screenshot(page, 'audit-log');

    await page.goto(`${server.url}/#/channel/1001`);
    await page.waitForSelector('#verdict');
    expect(await page.textContent('#verdict')).toContain('Violates under rule k=1');
    await page.waitForSelector('.timeline rect.bar-flagged', { state: 'attached' });
    await screenshot(page, 'channel');

    await page.goto(`${server.url}/#/queue/channels?sort=risk`);
    await page.waitForSelector('#queue tbody tr');
    await screenshot(page, 'channel-queue');
    expect(watch.errors).toEqual([]);
    expect(unexpectedConsole(watch)).toEqual([]);
    await context.close();
  });

  it('blurs terrorism-labelled text until revealed, per reviewer setting', async () => {
    const { context, page, watch } = await openPage();
    await signInAs(page, server.url, 'ana');
    await page.goto(`${server.url}/#/message/1003/1`);
    await page.waitForSelector('#message-text');
    expect(await page.getAttribute('#message-text', 'class')).toContain('blurred');
    await screenshot(page, 'message-blurred');
    await page.keyboard.press('v');
    expect(await page.getAttribute('#message-text', 'class')).not.toContain('blurred');
    await page.uncheck('#blur-setting');
    await page.waitForFunction(() =>
      document.getElementById('status')?.textContent?.includes('Blurring is off'),
    );
    await page.reload();
    await page.waitForSelector('#message-text');
    expect(await page.getAttribute('#message-text', 'class')).not.toContain('blurred');
    await page.check('#blur-setting');
    await page.waitForFunction(() =>
      document.getElementById('status')?.textContent?.includes('blurred until revealed'),
    );
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('an auditor runs a blind audit sample with the keyboard and exports the results', async () => {
    const { context, page, watch } = await openPage();
    await signInAs(page, server.url, 'aud');
    await page.goto(`${server.url}/#/samples`);
    await page.waitForSelector('#sample-form');
    await page.selectOption('#sample-kind', 'channel');
    await page.click('#draw-sample');
    await page.waitForSelector('#start-review');
    await screenshot(page, 'sample');
    await page.click('#start-review');
    for (let i = 0; i < 3; i++) {
      await page.waitForSelector('#blind-save');
      const article = await page.textContent('article.blind');
      expect(article).toBeTruthy();
      // Blind: no flags, scores or evidence anywhere on the page.
      expect(await page.locator('main .chip, main mark, main .scores').count()).toBe(0);
      if (i === 0) await screenshot(page, 'sample-item-blind');
      const before = hashOf(page);
      await page.keyboard.press(String(i + 1));
      await page.keyboard.press('s');
      await page.waitForFunction((h) => location.hash !== h, before);
    }
    await page.waitForSelector('.sample-items');
    expect(await page.locator('.sample-items li').allTextContents()).toEqual([
      expect.stringContaining('✓ [fraud]'),
      expect.stringContaining('✓ [drugs]'),
      expect.stringContaining('✓ [terrorism]'),
    ]);

    await page.goto(`${server.url}/#/export`);
    await page.waitForSelector('#download-eval');
    await page.click('.preview-design');
    await page.waitForSelector('#export-preview pre');
    expect(await page.textContent('#export-preview pre')).toContain('review-strata.v1');
    await screenshot(page, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-gold')]);
    const gold = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(gold).toHaveLength(3);
    expect(gold.every((g) => isValid('channel-gold.v1', g))).toBe(true);
    const [designDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[download^="review-strata-"]'),
    ]);
    const design = JSON.parse(readFileSync((await designDownload.path())!, 'utf8'));
    expect(isValid('review-strata.v1', design)).toBe(true);
    expect(design.strata.reduce((n: number, s: { sample: number }) => n + s.sample, 0)).toBe(3);
    expect(watch.errors).toEqual([]);
    expect(unexpectedConsole(watch)).toEqual([]);
    await context.close();
  });

  it('an admin manages reviewers; an analyst sees no export or user pages', async () => {
    const { context, page } = await openPage();
    await signInAs(page, server.url, 'adm');
    await page.waitForSelector('#users');
    await page.fill('#user-form input[name="username"]', 'newanalyst');
    await page.fill('#user-form input[name="password"]', 'a long enough password');
    await page.check('#user-form input[name="role-analyst"]');
    await page.click('#user-form button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('users')?.textContent?.includes('newanalyst'));
    await screenshot(page, 'users');
    expect(await page.locator('#nav a').allTextContents()).toEqual(['Users']);
    await page.click('#sign-out');
    await page.waitForSelector('#username');
    await signInAs(page, server.url, 'newanalyst', 'a long enough password');
    expect(await page.locator('#nav a').allTextContents()).toEqual([
      'Messages',
      'Channels',
      'Audit log',
      'Audit samples',
    ]);
    await page.goto(`${server.url}/#/users`);
    await page.waitForSelector('main .error');
    expect(await page.textContent('main .error')).toContain('does not allow this');
    await context.close();
  });
});

describe('hostile message text in Chromium', () => {
  let server: RunningReview;
  beforeAll(async () => {
    const { XSS_PAYLOADS } = await import('./xss-corpus.ts');
    server = await startReviewServer(
      XSS_PAYLOADS.map((text, i) => ({
        channelId: '2001',
        messageId: i + 1,
        text,
        scores: { fraud: 0.9 - i * 0.01, drugs: 0.01, terrorism: 0.01 },
        evidence: text.includes('<')
          ? [{ label: 'fraud' as const, span: text.slice(text.indexOf('<'), text.indexOf('<') + 8) }]
          : [],
        replyTo: i > 0 ? i : undefined,
      })),
      { '2001': '<img src=x onerror="window.__xss=99;alert(99)">Free crypto' },
    );
  });
  afterAll(async () => server?.close());

  it('never runs, styles or links a corpus of script injections on any page', async () => {
    const { XSS_PAYLOADS, INJECTED_SELECTOR } = await import('./xss-corpus.ts');
    const { context, page, watch } = await openPage();
    await signInAs(page, server.url, 'ana');
    const check = async (where: string) => {
      expect(await page.evaluate(() => window.__xss), where).toBeUndefined();
      expect(await page.locator(INJECTED_SELECTOR).count(), where).toBe(0);
      expect(watch.dialogs, where).toEqual([]);
      expect(watch.errors, where).toEqual([]);
      // A CSP refusal would mean markup reached the DOM and tried something.
      expect(
        watch.console.filter((c) => /Refused|Trusted Type/i.test(c)),
        where,
      ).toEqual([]);
    };
    await page.waitForSelector('#queue tbody tr');
    expect(await page.locator('#queue tbody tr').count()).toBe(XSS_PAYLOADS.length);
    await check('queue');
    await screenshot(page, 'xss-queue');
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      await page.goto(`${server.url}/#/message/2001/${i + 1}`);
      await page.waitForSelector('#message-text');
      await page.waitForFunction(
        (n) => document.querySelector('h1')?.textContent === `Message 2001/${n}`,
        i + 1,
      );
      expect(await page.textContent('#message-text'), `message ${i + 1}`).toBe(payload);
      await check(`message ${i + 1}`);
      if (i === 1) await screenshot(page, 'xss-message');
    }
    // Decide one with a hostile note, then view the audit log and the channel.
    await page.goto(`${server.url}/#/message/2001/2`);
    await page.waitForSelector('#note');
    await page.fill('#note', XSS_PAYLOADS[1]!);
    await page.click('#reject');
    await page.waitForFunction(
      () => location.hash === '#/message/2001/3' || location.hash.startsWith('#/queue'),
    );
    await page.goto(`${server.url}/#/audit`);
    await page.waitForSelector('#audit-log tbody tr');
    expect(await page.textContent('#audit-log tbody td.note')).toBe(XSS_PAYLOADS[1]);
    await check('audit log');
    await page.goto(`${server.url}/#/channel/2001`);
    await page.waitForSelector('#channel-messages li');
    expect(await page.textContent('h1')).toContain('<img src=x onerror=');
    await check('channel');
    await screenshot(page, 'xss-channel');
    expect(await page.title()).toBe('tg-risk review');
    await context.close();
  });
});
