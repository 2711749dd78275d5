/**
 * The design rule of live ingestion: only the gramjs/ folder (the mapping modules and the client
 * adapter) and the test double import gramjs; the domain logic (backfill, checkpoints, flood
 * policy, watchdog, discovery) sees the TelegramClientPort alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

it('no domain module of telegram-live imports gramjs', () => {
  const domain = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  expect(domain.length).toBeGreaterThan(10);
  const offenders = domain.filter((f) =>
    /from '(telegram|big-integer)(\/[^']*)?'/.test(readFileSync(path.join(here, f), 'utf8')),
  );
  expect(offenders).toEqual([]);
});
