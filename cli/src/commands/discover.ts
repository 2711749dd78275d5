/**
 * `tgrisk discover`: channels that followed channels forward from or link to (t.me), not followed
 * yet, ranked by how many followed channels point to each and how many of those are flagged
 * (messages labelled by the classifier, or Telegram's scam/fake flag). `tgrisk ingest
 * --follow-discovered` follows the top of this list within a depth and a count limit.
 */
import { loadConfig, UsageError } from '@tg-risk/core';
import { discoverCandidates, type DiscoveryCandidate } from '@tg-risk/ingest';
import { openSqliteIngestState, openSqliteStore } from '@tg-risk/store';
import type { Command } from '../command.ts';
import { parseCommandArgs } from '../parse-args.ts';

function flags(c: DiscoveryCandidate): string {
  const set = [c.verified && 'verified', c.scam && 'SCAM', c.fake && 'FAKE'].filter(Boolean);
  return set.length > 0 ? set.join(',') : '';
}

function table(candidates: DiscoveryCandidate[]): string {
  const header = [
    '#',
    'channel',
    'title',
    'referrers',
    'flagged',
    'mentions',
    'via',
    'depth',
    'telegram flags',
  ];
  const rows = candidates.map((c, i) => [
    String(i + 1),
    c.username ? `@${c.username}` : `id ${c.channelId}`,
    (c.title ?? '').slice(0, 30),
    String(c.referrers),
    String(c.flaggedReferrers),
    String(c.mentions),
    c.kinds.join('+'),
    String(c.depth),
    flags(c),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const discoverCommand: Command = async (args, env, io) => {
  const { values, positionals } = parseCommandArgs('discover', args, {
    db: { type: 'string' },
    limit: { type: 'string', default: '50' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0)
    throw new UsageError(`discover takes no positional arguments, got "${positionals.join(' ')}"`);
  if (!/^[0-9]{1,6}$/.test(values.limit))
    throw new UsageError(`--limit must be a whole number, got "${values.limit}"`);
  const config = loadConfig(values.db === undefined ? env : { ...env, TGRISK_DB: values.db });
  const store = openSqliteStore({ path: config.store.sqlitePath });
  const state = openSqliteIngestState({ path: config.store.sqlitePath });
  try {
    const labelled = new Set(
      (await store.channelSummaries()).filter((s) => s.flagged.any > 0).map((s) => s.channelId),
    );
    const candidates = (await discoverCandidates(state, labelled)).slice(0, Number(values.limit));
    if (values.json) {
      io.stdout.write(`${JSON.stringify(candidates)}\n`);
      return 0;
    }
    if (candidates.length === 0) {
      io.stdout.write(
        `No referenced channels outside the followed ones in ${state.describe()}; run \`tgrisk ingest\` first.\n`,
      );
      return 0;
    }
    io.stdout.write(
      `${table(candidates)}\n\nChannels without a username cannot be resolved and are listed for reference only.\n` +
        'Follow the top ones with: tgrisk ingest --channels FILE --follow-discovered --discover-depth 1 --discover-max 10\n',
    );
    return 0;
  } finally {
    await state.close();
    await store.close();
  }
};
