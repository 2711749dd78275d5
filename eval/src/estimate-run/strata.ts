/**
 * Design-based estimates from a stratified review sample. The strata come from a review-strata.v1
 * file (N_h, n_h, y_h per stratum), or are derived: the input's channels are cut by their highest
 * message score (or, without scores, by the rule's decision) and the gold channels that fall in a
 * stratum are its sample. Derived strata assume the gold channels were drawn at random within each
 * stratum, or as one simple random sample (then this is post-stratification, Cochran 1977 §5A.9).
 */
import type { EstStratified, EstStratum, ReviewStrataV1 } from '@tg-risk/schemas';
import { stratifiedEstimate, type Stratum } from '../estimate/stratified-estimate.ts';
import { goldVerdict, LABELS, type ChannelCounts, type ChannelGold, type Target } from './records.ts';

/** Score edges of the derived strata: [0, .25), [.25, .5), [.5, .75), [.75, 1]. */
export const SCORE_STRATUM_EDGES: readonly number[] = [0.25, 0.5, 0.75];

interface StratumDraft extends Stratum {
  name: string;
  scoreMin: number | null;
  scoreMax: number | null;
}

/** The channel's score for a target: its highest message score for the label (any: over labels). */
export function channelScore(channel: ChannelCounts, target: Target): number | null {
  if (channel.maxScore === null) return null;
  const max = channel.maxScore;
  return target === 'any' ? Math.max(...LABELS.map((l) => max[l])) : max[target];
}

function estimateOf(
  drafts: StratumDraft[],
  source: 'strata_file' | 'score_strata' | 'decision_strata',
): EstStratified {
  const estimate = stratifiedEstimate(drafts);
  const strata: EstStratum[] = drafts.map((d, i) => ({
    name: d.name,
    score_min: d.scoreMin,
    score_max: d.scoreMax,
    population: d.populationSize,
    sample: d.sampleSize,
    positives: d.positives,
    weight: estimate.strata[i]!.weight,
    rate: estimate.strata[i]!.rate,
  }));
  return {
    available: true,
    method: 'stratified_normal',
    source,
    rate: estimate.estimate,
    lower: estimate.lower,
    upper: estimate.upper,
    standard_error: estimate.standardError,
    population: estimate.populationSize,
    strata,
  };
}

/** The stratified estimate from a review-strata.v1 document, for one target. */
export function estimateFromStrataFile(file: ReviewStrataV1, target: Target): EstStratified {
  const drafts: StratumDraft[] = [];
  for (const [i, s] of file.strata.entries()) {
    const positives = target === 'any' ? s.violating : s.labels?.[target];
    if (positives === undefined) {
      return {
        available: false,
        reason: `stratum ${s.name ?? i + 1} of the strata file has no labels.${target} count; add it to estimate ${target}`,
      };
    }
    drafts.push({
      name: s.name ?? `stratum ${i + 1}`,
      scoreMin: s.score_min ?? null,
      scoreMax: s.score_max ?? null,
      populationSize: s.population,
      sampleSize: s.sample,
      positives,
    });
  }
  return estimateOf(drafts, 'strata_file');
}

/**
 * Merges neighbouring strata until each has at least two sampled channels (or is a census), since
 * one sampled channel gives no variance and none gives no rate. Null when even one stratum would not do.
 */
export function mergeSparseStrata(drafts: readonly StratumDraft[]): StratumDraft[] | null {
  const ready = (s: StratumDraft) =>
    s.sampleSize >= 2 || (s.sampleSize >= 1 && s.sampleSize === s.populationSize);
  const merged: StratumDraft[] = [];
  let open: StratumDraft | null = null;
  const join = (a: StratumDraft, b: StratumDraft): StratumDraft => ({
    name: `${a.name} + ${b.name}`,
    scoreMin: a.scoreMin,
    scoreMax: b.scoreMax,
    populationSize: a.populationSize + b.populationSize,
    sampleSize: a.sampleSize + b.sampleSize,
    positives: a.positives + b.positives,
  });
  for (const draft of drafts) {
    if (draft.populationSize === 0) continue;
    open = open === null ? { ...draft } : join(open, draft);
    if (ready(open)) {
      merged.push(open);
      open = null;
    }
  }
  if (open !== null) {
    const last = merged.pop();
    if (last === undefined) return null;
    merged.push(join(last, open));
  }
  return merged.length > 0 ? merged : null;
}

/** Derived strata for one target: input channels as the population, gold channels as the sample. */
export function estimateFromGoldStrata(
  channels: readonly ChannelCounts[],
  gold: ReadonlyMap<string, ChannelGold>,
  target: Target,
  decide: (channel: ChannelCounts) => boolean,
): EstStratified {
  const byScore = channels.every((c) => c.maxScore !== null);
  const edges = byScore ? SCORE_STRATUM_EDGES : [];
  const drafts: StratumDraft[] = byScore
    ? [0, ...edges].map((low, h) => ({
        name: `score ${low}–${edges[h] ?? 1}`,
        scoreMin: low,
        scoreMax: edges[h] ?? 1,
        populationSize: 0,
        sampleSize: 0,
        positives: 0,
      }))
    : ['rule: clean', 'rule: violating'].map((name) => ({
        name,
        scoreMin: null,
        scoreMax: null,
        populationSize: 0,
        sampleSize: 0,
        positives: 0,
      }));
  for (const channel of channels) {
    let h: number;
    if (byScore) {
      const score = channelScore(channel, target)!;
      h = 0;
      while (h < edges.length && score >= edges[h]!) h++;
    } else {
      h = decide(channel) ? 1 : 0;
    }
    const stratum = drafts[h]!;
    stratum.populationSize++;
    const verdict = gold.get(channel.channelId);
    const truth = verdict === undefined ? undefined : goldVerdict(verdict, target);
    if (truth === undefined) continue;
    stratum.sampleSize++;
    if (truth) stratum.positives++;
  }
  const sampled = drafts.reduce((sum, d) => sum + d.sampleSize, 0);
  if (sampled === 0) {
    return {
      available: false,
      reason: 'no gold channel of the input has a verdict for this target: pass --gold FILE or --strata FILE',
    };
  }
  const merged = mergeSparseStrata(drafts);
  if (merged === null) {
    return {
      available: false,
      reason: `only ${sampled} gold channel(s) have a verdict; review at least two`,
    };
  }
  return estimateOf(merged, byScore ? 'score_strata' : 'decision_strata');
}
