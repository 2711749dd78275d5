/**
 * Reads the files of a `tgrisk estimate` run, validating each against its schema and naming the
 * file, the line and the fix on any problem: the messages (estimate-input.v1 JSONL), the channel
 * gold labels (channel-gold.v1 JSONL), the review strata (review-strata.v1), the model thresholds
 * and the model metrics. Every reader returns the content's sha256 for the run manifest.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  schemaIssues,
  type ChannelGoldV1,
  type EstimateInputV1,
  type ReviewStrataV1,
} from '@tg-risk/schemas';
import { sha256 } from '../audit/sha256.ts';
import { EstimateInputError } from '../estimate/errors.ts';
import type { ChannelTally } from './channel-tally.ts';
import { parseModelMetrics, type ModelMetrics } from './model-metrics.ts';
import { LABELS, type ChannelGold, type LabelNumbers } from './records.ts';
import { readJsonlFile, type FileDigest } from './read-jsonl.ts';

/** Reads estimate-input.v1 lines from `file` into `tally`. */
export async function readMessagesFile(file: string, tally: ChannelTally): Promise<FileDigest> {
  return readJsonlFile(file, 'estimate-input.v1', 'input', (value) => {
    const line = value as EstimateInputV1;
    tally.add({
      channelId: line.channel_id,
      id: line.id,
      ...(line.labels === undefined ? {} : { labels: line.labels }),
      ...(line.scores === undefined ? {} : { scores: line.scores }),
      ...(line.gold_labels === undefined ? {} : { goldLabels: line.gold_labels }),
    });
  });
}

/** Reads channel-gold.v1 lines; a channel listed twice or a verdict contradicting its labels is a bad line. */
export async function readGoldFile(
  file: string,
): Promise<FileDigest & { channels: Map<string, ChannelGold> }> {
  const channels = new Map<string, ChannelGold>();
  const firstLine = new Map<string, number>();
  const digest = await readJsonlFile(file, 'channel-gold.v1', 'gold file', (value, line) => {
    const gold = value as ChannelGoldV1;
    const seen = firstLine.get(gold.channel_id);
    if (seen !== undefined) {
      throw new EstimateInputError(
        `channel ${gold.channel_id} was already reviewed on line ${seen}; keep one verdict`,
      );
    }
    if (gold.labels !== undefined && gold.violating !== gold.labels.length > 0) {
      throw new EstimateInputError(
        `"violating": ${gold.violating} contradicts "labels": ${JSON.stringify(gold.labels)}; ` +
          'a channel violates exactly when it has at least one label',
      );
    }
    firstLine.set(gold.channel_id, line);
    channels.set(gold.channel_id, {
      violating: gold.violating,
      ...(gold.labels === undefined ? {} : { labels: gold.labels }),
    });
  });
  return { ...digest, channels };
}

async function readJsonDocument(file: string, what: string): Promise<{ value: unknown; digest: FileDigest }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new EstimateInputError(
      `${what} ${file} cannot be read (${(error as Error).message}); check the path`,
      { file },
    );
  }
  try {
    return {
      value: JSON.parse(bytes.toString('utf8')),
      digest: { sha256: sha256(bytes), bytes: bytes.length },
    };
  } catch (error) {
    throw new EstimateInputError(`${what} ${file} is not JSON: ${(error as Error).message}`, { file });
  }
}

/** Reads a review-strata.v1 document and checks n_h <= N_h and y_h <= n_h. */
export async function readStrataFile(file: string): Promise<FileDigest & { document: ReviewStrataV1 }> {
  const { value, digest } = await readJsonDocument(file, 'strata file');
  const issues = schemaIssues('review-strata.v1', value);
  if (issues.length > 0) {
    throw new EstimateInputError(
      `strata file ${file} is not a review-strata.v1 document: ${issues.map((i) => `${i.path || '(document)'} ${i.message}`).join('; ')}`,
      { file },
    );
  }
  const document = value as ReviewStrataV1;
  document.strata.forEach((s, i) => {
    const name = s.name ?? `stratum ${i + 1}`;
    const counts = [
      ['violating', s.violating] as const,
      ...LABELS.map((l) => [`labels.${l}`, s.labels?.[l]] as const),
    ];
    const fail = (message: string): never => {
      throw new EstimateInputError(`strata file ${file}, /strata/${i} (${name}): ${message}`, { file });
    };
    if (s.sample > s.population) fail(`sample ${s.sample} exceeds population ${s.population}`);
    for (const [field, count] of counts) {
      if (count !== undefined && count > s.sample) fail(`${field} ${count} exceeds sample ${s.sample}`);
    }
  });
  return { ...digest, document };
}

/** Reads a model's thresholds.json: `{set, labels: {fraud: {threshold}, ...}}`. */
export async function readThresholdsFile(
  file: string,
): Promise<FileDigest & { set: string; values: LabelNumbers }> {
  const { value, digest } = await readJsonDocument(file, 'thresholds file');
  const doc = value as { set?: unknown; labels?: Record<string, { threshold?: unknown } | undefined> };
  const values = {} as LabelNumbers;
  for (const label of LABELS) {
    const t = doc?.labels?.[label]?.threshold;
    if (typeof t !== 'number' || !(t >= 0 && t <= 1)) {
      throw new EstimateInputError(
        `thresholds file ${file}: labels.${label}.threshold is missing or not in [0, 1]; ` +
          'expected a model directory thresholds.json (see models/tgrisk-risk/thresholds.json)',
        { file },
      );
    }
    values[label] = t;
  }
  return { ...digest, set: typeof doc.set === 'string' ? doc.set : 'unnamed', values };
}

/** Reads a model metrics.json or a `tgrisk eval --json` report. */
export async function readMetricsFile(file: string): Promise<FileDigest & { metrics: ModelMetrics }> {
  const { value, digest } = await readJsonDocument(file, 'metrics file');
  return { ...digest, metrics: parseModelMetrics(value, path.basename(file)) };
}

/** sha256 and size of every regular file directly in `dir`, sorted by name. */
export async function hashDirectoryFiles(
  dir: string,
): Promise<Array<{ name: string; sha256: string; bytes: number }>> {
  const names = (await readdir(dir)).sort();
  const files: Array<{ name: string; sha256: string; bytes: number }> = [];
  for (const name of names) {
    const full = path.join(dir, name);
    if (!(await stat(full)).isFile()) continue;
    const bytes = await readFile(full);
    files.push({ name, sha256: sha256(bytes), bytes: bytes.length });
  }
  return files;
}
