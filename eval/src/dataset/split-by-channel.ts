/**
 * Assigns whole channels to train / validation / test, so no channel's voice leaks across splits.
 * Within each group (a language and a channel type), channels are taken in a salted hash order and
 * dealt out by a fixed 20-slot pattern (14 train, 3 validation, 3 test) whose second and third slots
 * are test and validation: every group with three or more channels reaches every split.
 * Deterministic: the same channels give the same assignment.
 */
import { fnv1a } from './hash.ts';

export type Split = 'train' | 'validation' | 'test';

const T = 'train';
const V = 'validation';
const E = 'test';
export const SPLIT_PATTERN: readonly Split[] = [T, E, V, T, T, T, T, T, E, V, T, T, T, T, T, T, E, V, T, T];

/** channel -> split, for channels given as (group, channel). */
export function splitChannels(
  channels: ReadonlyArray<{ group: string; channel: string }>,
  salt: string,
): Map<string, Split> {
  const byGroup = new Map<string, string[]>();
  for (const c of channels) {
    let list = byGroup.get(c.group);
    if (!list) byGroup.set(c.group, (list = []));
    list.push(c.channel);
  }
  const result = new Map<string, Split>();
  for (const group of [...byGroup.keys()].sort()) {
    const ordered = byGroup
      .get(group)!
      .sort((a, b) => fnv1a(`${salt}:${a}`) - fnv1a(`${salt}:${b}`) || a.localeCompare(b));
    ordered.forEach((channel, i) => result.set(channel, SPLIT_PATTERN[i % SPLIT_PATTERN.length]!));
  }
  return result;
}
