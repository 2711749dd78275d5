/**
 * Splitting the channel list over processes: `--shard i/n` keeps the channels whose username hashes
 * to i modulo n (0 ≤ i < n). The hash is 32-bit FNV-1a over the lower-case username's UTF-8 bytes
 * (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/), so every process, on any machine
 * and from any copy of the list, puts a channel in the same shard, and adding channels moves none.
 */
import { UsageError } from '@tg-risk/core';

/** This process's part of the work. */
export interface Shard {
  index: number;
  count: number;
}

/** The whole list in one process. */
export const NO_SHARD: Shard = { index: 0, count: 1 };

/** Parses "i/n"; throws UsageError naming the option and the expected form. */
export function parseShard(value: string): Shard {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) {
    throw new UsageError(
      `--shard "${value}" is not i/n with 0 ≤ i < n (e.g. --shard 0/4 ... --shard 3/4 in four processes)`,
    );
  }
  return { index, count };
}

/** 32-bit FNV-1a of a string's UTF-8 bytes. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** True when the channel with this username belongs to `shard`. */
export function inShard(username: string, shard: Shard): boolean {
  return fnv1a32(username.toLowerCase()) % shard.count === shard.index;
}
