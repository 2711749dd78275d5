/**
 * Builds eval/data/{train,validation,test}.jsonl (eval-example.v1 lines) from the authored sources in
 * eval/data/raw/*.jsonl: validates every line, drops near-duplicates (same text after normalisation),
 * gives each channel a stable numeric id, splits by channel and writes eval/data/stats.json.
 * Deterministic: the same sources give the same files byte for byte. With --check it writes nothing
 * and fails when the committed files differ from what the sources give.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertValid, type EvalExampleV1 } from '@tg-risk/schemas';
import { normaliseText } from '@tg-risk/models';
import { fnv1a } from '../src/dataset/hash.ts';
import { splitChannels, type Split } from '../src/dataset/split-by-channel.ts';
import { correctionFor, readLabelCorrections } from '../src/dataset/label-audit.ts';

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const rawDir = path.join(dataDir, 'raw');
const corrections = readLabelCorrections(path.join(dataDir, 'audit'));
const applied = new Set<string>();
const SALT = 'tg-risk-split-v1';

interface RawLine {
  channel: string;
  lang: string;
  text: string;
  labels: string[];
  kind: string;
  note?: string;
}

const problems: string[] = [];
const examples: Array<EvalExampleV1 & { channel: string; group: string }> = [];
const seen = new Map<string, string>();
let duplicates = 0;
for (const file of readdirSync(rawDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  const group = file.replace(/-\d+\.jsonl$/, '');
  readFileSync(path.join(rawDir, file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `${file}:${i + 1}`;
      let raw: RawLine;
      try {
        raw = JSON.parse(line) as RawLine;
      } catch (error) {
        problems.push(`${where}: not JSON (${(error as Error).message})`);
        return;
      }
      if (typeof raw.channel !== 'string' || raw.channel.trim() === '') {
        problems.push(`${where}: missing channel`);
        return;
      }
      try {
        const correction = correctionFor(corrections, file, i + 1, String(raw.text));
        if (correction) {
          raw = { ...raw, labels: correction.labels, kind: correction.kind };
          applied.add(`${file}:${i + 1}`);
        }
      } catch (error) {
        problems.push((error as Error).message);
        return;
      }
      const kindOk =
        (raw.kind === 'violation' && raw.labels?.length > 0) ||
        ((raw.kind === 'hard_negative' || raw.kind === 'negative') && raw.labels?.length === 0);
      if (!kindOk) {
        problems.push(`${where}: kind "${raw.kind}" does not fit labels ${JSON.stringify(raw.labels)}`);
        return;
      }
      const key = normaliseText(raw.text).text.replace(/[\p{N}\p{P}\s]+/gu, '');
      if (seen.has(key)) {
        duplicates++;
        return;
      }
      seen.set(key, where);
      try {
        const example = assertValid('eval-example.v1', {
          id: `${file.replace(/\.jsonl$/, '')}-${i + 1}`,
          text: raw.text,
          labels: ['fraud', 'drugs', 'terrorism'].filter((l) => raw.labels.includes(l)),
          lang: raw.lang,
          channel_id: String(1_000_000_000 + fnv1a(`${group}/${raw.channel}`)),
          kind: raw.kind,
          source: `synthetic:${group}`,
        });
        examples.push({ ...example, channel: raw.channel, group });
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`);
      }
    });
}
for (const [key, correction] of corrections)
  if (!applied.has(key)) problems.push(`${correction.where}: no source line ${key} (or it was a duplicate)`);
if (problems.length > 0) {
  console.error(`${problems.length} bad source lines:\n${problems.slice(0, 50).join('\n')}`);
  process.exit(1);
}

// Channels are grouped by language and by their most frequent label, so every split gets drug
// shops, scam channels, propaganda channels and clean channels in every language.
const channelLabels = new Map<string, Map<string, number>>();
for (const e of examples) {
  const counts = channelLabels.get(e.channel) ?? new Map<string, number>();
  for (const l of e.labels.length > 0 ? e.labels : ['none']) counts.set(l, (counts.get(l) ?? 0) + 1);
  channelLabels.set(e.channel, counts);
}
const dominant = (channel: string) =>
  [...channelLabels.get(channel)!]
    .filter(([l]) => l !== 'none')
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'none';
const channelSizes = new Map<string, { group: string; channel: string; messages: number }>();
for (const e of examples) {
  const entry = channelSizes.get(e.channel) ?? {
    group: `${e.lang}/${dominant(e.channel)}`,
    channel: e.channel,
    messages: 0,
  };
  entry.messages++;
  channelSizes.set(e.channel, entry);
}
const splits = splitChannels([...channelSizes.values()], SALT);
const out: Record<Split, string[]> = { train: [], validation: [], test: [] };
type Counts = {
  messages: number;
  channels: number;
  labels: Record<string, number>;
  kinds: Record<string, number>;
  langs: Record<string, number>;
};
const stats: Record<Split, Counts> = {
  train: { messages: 0, channels: 0, labels: {}, kinds: {}, langs: {} },
  validation: { messages: 0, channels: 0, labels: {}, kinds: {}, langs: {} },
  test: { messages: 0, channels: 0, labels: {}, kinds: {}, langs: {} },
};
for (const e of examples) {
  const split = splits.get(e.channel)!;
  const { channel: _channel, group: _group, ...line } = e;
  out[split].push(JSON.stringify(line));
  const s = stats[split];
  s.messages++;
  for (const l of e.labels) s.labels[l] = (s.labels[l] ?? 0) + 1;
  s.kinds[e.kind!] = (s.kinds[e.kind!] ?? 0) + 1;
  s.langs[e.lang!] = (s.langs[e.lang!] ?? 0) + 1;
}
for (const [channel, split] of splits) if (channelSizes.has(channel)) stats[split].channels++;
const built: Record<string, string> = {
  'stats.json': `${JSON.stringify(
    {
      total: examples.length,
      duplicates_dropped: duplicates,
      label_corrections: applied.size,
      splits: stats,
    },
    null,
    2,
  )}\n`,
};
for (const split of Object.keys(out) as Split[]) built[`${split}.jsonl`] = `${out[split].join('\n')}\n`;
if (process.argv.includes('--check')) {
  // The committed splits must be exactly what the sources and corrections give.
  const stale = Object.keys(built).filter((name) => {
    try {
      return readFileSync(path.join(dataDir, name), 'utf8') !== built[name];
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`eval/data is out of date (${stale.join(', ')}): run npm run data:build`);
    process.exit(1);
  }
} else {
  for (const [name, text] of Object.entries(built)) writeFileSync(path.join(dataDir, name), text);
}
console.log(
  `${examples.length} examples (${duplicates} near-duplicates dropped): ` +
    (Object.keys(out) as Split[]).map((s) => `${s} ${out[s].length}`).join(', '),
);
