/**
 * Evidence for a decided label: the features that pushed its score up, with the spans of text they
 * came from. Indicators and lexicon cues are reported by what they are; words and character n-grams
 * by the word they sit in. Contributions are in logit units (weight x feature value).
 */
import type { Evidence, RiskLabel } from '@tg-risk/schemas';
import type { FeatureOrigin, MessageFeatures } from './features/extract-features.ts';

const MAX_EVIDENCE_PER_LABEL = 8;

/** Ranks feature origins by their contribution to `label` (column `k` of the weights). */
export function explainLabel(
  text: string,
  features: MessageFeatures & { origins: FeatureOrigin[] },
  weights: Float32Array,
  labels: number,
  k: number,
  label: RiskLabel,
): Evidence[] {
  const valueOf = new Map<number, number>();
  features.ids.forEach((id, i) => valueOf.set(id, features.values[i]!));
  // One entry per (span, kind of evidence): a word's char n-grams add up to the word's contribution.
  const bySpan = new Map<string, Evidence>();
  for (const origin of features.origins) {
    if (origin.kind === 'length' || origin.end <= origin.start) continue;
    const contribution = weights[origin.bucket * labels + k]! * (valueOf.get(origin.bucket) ?? 0);
    const kind = evidenceKind(origin);
    const key = `${origin.start}:${origin.end}:${kind}`;
    const entry = bySpan.get(key);
    if (entry) entry.weight += contribution;
    else {
      bySpan.set(key, {
        label,
        kind,
        start: origin.start,
        end: origin.end,
        text: text.slice(origin.start, origin.end).slice(0, 1024),
        weight: contribution,
      });
    }
  }
  return [...bySpan.values()]
    .filter((e) => e.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.start - b.start)
    .slice(0, MAX_EVIDENCE_PER_LABEL)
    .map((e) => ({ ...e, weight: Math.round(e.weight * 1e4) / 1e4 }))
    .sort((a, b) => a.start - b.start || b.weight - a.weight);
}

function evidenceKind(origin: FeatureOrigin): string {
  if (origin.kind === 'indicator') return origin.name.slice(2); // "i:wallet_tron" -> "wallet_tron"
  if (origin.kind === 'cue') return 'lexicon';
  if (origin.kind === 'bigram') return 'phrase';
  return 'word';
}
