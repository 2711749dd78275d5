/**
 * Debian's Chromium driven by playwright-core (`npx playwright install` cannot fetch browsers here).
 * CHROMIUM_PATH overrides the executable.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium, or fails saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** What a page did that a test may want to fail on: script errors, dialogs, console errors. */
export interface PageWatch {
  errors: string[];
  dialogs: string[];
  console: string[];
}

/** Records page errors, dialogs (dismissed at once) and console errors/warnings of `page`. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], dialogs: [], console: [] };
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.console.push(message.text());
  });
  return watch;
}

/** Console errors that are not the expected "not signed in yet" 401 on start-up. */
export function unexpectedConsole(watch: PageWatch): string[] {
  return watch.console.filter((text) => !/status of 401/.test(text));
}
