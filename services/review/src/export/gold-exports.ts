/**
 * Gold labels out of the review store, for the API and the CLI alike: the latest decision on each
 * message as eval-example.v1 lines (`tgrisk eval`), on each channel as channel-gold.v1 lines
 * (`tgrisk estimate --gold`), and an audit sample's design as review-strata.v1 (`tgrisk estimate
 * --strata`). Every record is validated before it leaves.
 */
import type { ReviewStore, Sample, SampleItem } from '@tg-risk/core';
import { assertValid, RISK_LABELS, type ReviewStrataV1 } from '@tg-risk/schemas';

/** A sample whose design cannot be exported yet. */
export class IncompleteSampleError extends Error {}

/** eval-example.v1 JSONL lines, one per reviewed message (latest decision). */
export async function* evalExampleLines(store: ReviewStore): AsyncGenerator<string> {
  let cursor: string | undefined;
  do {
    const page = await store.decidedMessages(1000, cursor);
    for (const { decision, text, lang } of page.items) {
      const example = assertValid('eval-example.v1', {
        text,
        labels: decision.labels,
        id: `${decision.item.channelId}/${decision.item.messageId}`,
        ...(lang && /^[a-z]{2,3}$/.test(lang) && lang !== 'und' ? { lang } : {}),
        channel_id: decision.item.channelId,
        source: `review:${decision.reviewer}@${decision.decidedAt}`.slice(0, 256),
      });
      yield `${JSON.stringify(example)}\n`;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** channel-gold.v1 JSONL lines, one per reviewed channel (latest decision, within `sampleId` if given). */
export async function channelGoldLines(store: ReviewStore, sampleId: number | null): Promise<string[]> {
  const decisions = await store.decidedChannels(sampleId);
  return decisions.map(
    (d) =>
      `${JSON.stringify(
        assertValid('channel-gold.v1', {
          schema: 'channel-gold.v1',
          channel_id: d.item.channelId,
          violating: d.labels.length > 0,
          labels: d.labels,
          reviewer: d.reviewer,
          ...(d.note ? { note: d.note.slice(0, 4096) } : {}),
        }),
      )}\n`,
  );
}

/** What the strata were cut on, in words. */
export function scoreDescription(sample: Pick<Sample, 'kind' | 'label'>): string {
  if (sample.kind === 'message') {
    return sample.label ? `the message's ${sample.label} score` : "the message's highest label score";
  }
  return sample.label
    ? `share of the channel's messages flagged ${sample.label}`
    : "share of the channel's messages flagged for any label";
}

/**
 * review-strata.v1 from the sample's blind decisions: per stratum N_h, n_h = items reviewed, y_h =
 * reviewed items judged violating (any label) and per label. Strata with no population are left
 * out (they carry no weight); a stratum with population but no review yet makes the design
 * unusable, so that is an error.
 */
export function strataDesign(sample: Sample, items: readonly SampleItem[]): ReviewStrataV1 {
  const strata = sample.strata.flatMap((stratum, h) => {
    if (stratum.population === 0) return [];
    const decided = items.filter((i) => i.stratum === h && i.decision !== null);
    if (decided.length === 0) {
      throw new IncompleteSampleError(
        `stratum ${stratum.name} has no reviewed item yet; review at least one item in every stratum (ideally all)`,
      );
    }
    const labels = Object.fromEntries(
      RISK_LABELS.map((l) => [l, decided.filter((i) => i.decision!.labels.includes(l)).length]),
    );
    return [
      {
        name: stratum.name,
        score_min: stratum.min,
        score_max: stratum.max,
        population: stratum.population,
        sample: decided.length,
        violating: decided.filter((i) => i.decision!.labels.length > 0).length,
        labels,
      },
    ];
  });
  return assertValid('review-strata.v1', {
    schema: 'review-strata.v1',
    score: scoreDescription(sample),
    strata,
  });
}
