/**
 * Audit sampling: auditors draw a stratified random sample of messages or channels by model score;
 * reviewers then see each item blind (no score, no flag, no evidence, no model labels on context
 * messages) so the model cannot anchor them. The design (strata, N_h, n_h, y_h) is exported as
 * review-strata.v1 for `tgrisk estimate --strata`.
 */
import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Sample, StratumRequest } from '@tg-risk/core';
import type { ReviewSampleRequestV1 } from '@tg-risk/schemas';
import { IncompleteSampleError, strataDesign } from '../export/gold-exports.ts';
import { seededSampler } from '../domain/stratified-sampler.ts';
import { HttpError } from '../http/http-errors.ts';
import { addRoute, CURSOR, LIMIT, type ObjectSchema } from '../http/route-spec.ts';
import { presentDecision, presentProfile, presentSample, presentSummary } from './presenters.ts';
import type { ReviewContext } from './review-context.ts';

/** Most items one sample may draw: a reviewing team's weeks of work, and a bounded transaction. */
const MAX_SAMPLE = 10_000;

const SAMPLE_ID: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
};

/** Checks the strata are ordered, non-empty ranges that do not overlap. */
function checkedStrata(request: ReviewSampleRequestV1): StratumRequest[] {
  let previousMax = -Infinity;
  let total = 0;
  return request.strata.map((s, i) => {
    const name = s.name ?? `${s.min}-${s.max}`;
    if (!(s.min < s.max)) throw new HttpError(400, 'BAD_STRATA', `strata/${i}: min must be below max`);
    if (s.min < previousMax) {
      throw new HttpError(
        400,
        'BAD_STRATA',
        `strata/${i}: starts below the previous stratum's max; list strata in order without overlap`,
      );
    }
    previousMax = s.max;
    total += s.size;
    if (total > MAX_SAMPLE)
      throw new HttpError(400, 'BAD_STRATA', `a sample draws at most ${MAX_SAMPLE} items`);
    return { name, min: s.min, max: s.max, size: s.size };
  });
}

async function loadSample(ctx: ReviewContext, id: number): Promise<Sample> {
  const sample = await ctx.store.getSample(id);
  if (!sample) throw new HttpError(404, 'NOT_FOUND', `no audit sample ${id}`);
  return sample;
}

export function sampleRoutes(app: FastifyInstance, ctx: ReviewContext): void {
  addRoute(app, {
    method: 'POST',
    url: '/api/samples',
    summary: 'Draw a stratified random audit sample of messages or channels by model score',
    tag: 'samples',
    access: 'sample',
    body: 'review-sample-request.v1',
    responses: {
      201: { description: 'The sample: per stratum the population N_h and the items drawn n_h.' },
    },
    handler: async (request, reply) => {
      const body = request.body as ReviewSampleRequestV1;
      const strata = checkedStrata(body);
      const seed = body.seed ?? randomInt(0, 2 ** 32 - 1);
      const sample = await ctx.store.createSample(
        {
          kind: body.kind,
          label: body.label ?? null,
          strata,
          seed,
          createdBy: request.reviewer!.username,
          createdAt: ctx.now().toISOString(),
        },
        seededSampler(seed),
      );
      ctx.logger.info({ sample: sample.id, seed, by: request.reviewer!.username }, 'audit sample drawn');
      return reply.code(201).send({ sample: presentSample(sample) });
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/samples',
    summary: 'Audit samples, newest first, with review progress',
    tag: 'samples',
    access: 'decide_sample',
    responses: { 200: { description: '{ items }.' } },
    handler: async () => ({ items: (await ctx.store.listSamples()).map(presentSample) }),
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/samples/:id',
    summary: 'One audit sample and its items in review order (blind: no scores or strata per item)',
    tag: 'samples',
    access: 'decide_sample',
    params: SAMPLE_ID,
    responses: { 200: { description: 'The sample and its items.' }, 404: { description: 'No such sample.' } },
    handler: async (request) => {
      const { id } = request.params as { id: number };
      const sample = await loadSample(ctx, id);
      const items = await ctx.store.sampleItems(id);
      return {
        sample: presentSample(sample),
        items: items.map((i) => ({
          position: i.position,
          kind: i.item.kind,
          channel_id: i.item.channelId,
          message_id: i.item.messageId,
          decided: i.decision !== null,
          labels: i.decision?.labels ?? null,
        })),
      };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/samples/:id/items/:position',
    summary: 'One sample item, blind: the text (or the channel and its messages) without any model output',
    tag: 'samples',
    access: 'decide_sample',
    params: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'position'],
      properties: { id: { type: 'integer', minimum: 1 }, position: { type: 'integer', minimum: 0 } },
    },
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { limit: LIMIT, cursor: CURSOR },
    },
    responses: {
      200: { description: 'The blind item.' },
      404: { description: 'No such sample or position.' },
    },
    handler: async (request) => {
      const { id, position } = request.params as { id: number; position: number };
      const { limit, cursor } = request.query as { limit: number; cursor?: string };
      await loadSample(ctx, id);
      const entry = (await ctx.store.sampleItems(id)).find((i) => i.position === position);
      if (!entry) throw new HttpError(404, 'NOT_FOUND', `sample ${id} has no item at position ${position}`);
      const channel = await ctx.store.getChannel(entry.item.channelId);
      const base = {
        sample_id: id,
        position,
        kind: entry.item.kind,
        channel_id: entry.item.channelId,
        message_id: entry.item.messageId,
        channel: channel && {
          title: channel.title,
          username: channel.username,
          profile: presentProfile(channel.profile),
        },
        decision: entry.decision && presentDecision(entry.decision),
      };
      if (entry.item.kind === 'message') {
        const stored = await ctx.store.getMessage(entry.item.channelId, entry.item.messageId!);
        if (!stored) throw new HttpError(404, 'NOT_FOUND', 'the sampled message is no longer in the store');
        const m = stored.message;
        const neighbours = await ctx.store.neighbours(m.channel_id, m.message_id, 3, 3);
        return {
          ...base,
          date: m.date,
          text: m.text,
          forward: m.forward,
          reply_to: m.reply_to,
          media: m.media,
          neighbours: neighbours.map((n) => presentSummary(n, true)),
        };
      }
      const page = await ctx.store.channelMessages(entry.item.channelId, limit, cursor);
      return {
        ...base,
        messages: page.items.map((n) => presentSummary(n, true)),
        next_cursor: page.nextCursor,
      };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/samples/:id/design',
    summary: 'The sample design with its reviewed counts, as review-strata.v1 for `tgrisk estimate --strata`',
    tag: 'export',
    access: 'export',
    params: SAMPLE_ID,
    responses: {
      200: { description: 'review-strata.v1.' },
      404: { description: 'No such sample.' },
      409: { description: 'A stratum has no reviewed item yet.' },
    },
    handler: async (request) => {
      const { id } = request.params as { id: number };
      const sample = await loadSample(ctx, id);
      try {
        return strataDesign(sample, await ctx.store.sampleItems(id));
      } catch (error) {
        if (error instanceof IncompleteSampleError)
          throw new HttpError(409, 'SAMPLE_INCOMPLETE', error.message);
        throw error;
      }
    },
  });
}
