import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleLabel, sampleMessage, TransientError } from '@tg-risk/core';
import { openSqliteStore } from './sqlite-store.ts';

describe('SQLite store', () => {
  it('keeps rows across reopen (the file is the store)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-store-'));
    try {
      const file = path.join(dir, 'nested', 'store.db');
      const first = openSqliteStore({ path: file });
      const m = sampleMessage();
      await first.saveLabelled([{ message: m, label: sampleLabel(m, ['fraud']) }]);
      await first.close();
      const second = openSqliteStore({ path: file });
      expect(await second.countMessages()).toBe(1);
      expect(second.describe()).toContain(file);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a read-only database as a retriable STORE_UNAVAILABLE error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-store-'));
    try {
      const file = path.join(dir, 'ro.db');
      await openSqliteStore({ path: file }).close();
      const store = openSqliteStore({ path: file, readonly: true });
      const m = sampleMessage();
      const error = await store
        .saveLabelled([{ message: m, label: sampleLabel(m) }])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransientError);
      expect((error as TransientError).code).toBe('STORE_UNAVAILABLE');
      expect((error as TransientError).retriable).toBe(true);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
