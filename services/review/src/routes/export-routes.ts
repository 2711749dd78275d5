/** Gold labels out, as downloads (see export/gold-exports.ts for the formats). */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { channelGoldLines, evalExampleLines } from '../export/gold-exports.ts';
import { HttpError } from '../http/http-errors.ts';
import { addRoute } from '../http/route-spec.ts';
import type { ReviewContext } from './review-context.ts';

const NDJSON = 'application/x-ndjson; charset=utf-8';

export function exportRoutes(app: FastifyInstance, ctx: ReviewContext): void {
  addRoute(app, {
    method: 'GET',
    url: '/api/export/eval-set',
    summary: 'Reviewed messages as an evaluation set: eval-example.v1 JSONL (latest decision per message)',
    tag: 'export',
    access: 'export',
    responses: { 200: { description: 'eval-example.v1 lines.', type: 'application/x-ndjson' } },
    handler: async (request, reply) => {
      ctx.logger.info({ by: request.reviewer!.username }, 'evaluation set exported');
      reply.header('Content-Disposition', 'attachment; filename="review-eval-set.jsonl"');
      return reply.type(NDJSON).send(Readable.from(evalExampleLines(ctx.store)));
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/export/channel-gold',
    summary:
      'Reviewed channels as channel-gold.v1 JSONL (latest decision per channel; within one audit sample with ?sample=ID)',
    tag: 'export',
    access: 'export',
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { sample: { type: 'integer', minimum: 1 } },
    },
    responses: {
      200: { description: 'channel-gold.v1 lines.', type: 'application/x-ndjson' },
      404: { description: 'No such sample.' },
    },
    handler: async (request, reply) => {
      const { sample } = request.query as { sample?: number };
      if (sample !== undefined && !(await ctx.store.getSample(sample))) {
        throw new HttpError(404, 'NOT_FOUND', `no audit sample ${sample}`);
      }
      const lines = await channelGoldLines(ctx.store, sample ?? null);
      ctx.logger.info(
        { by: request.reviewer!.username, channels: lines.length },
        'channel gold labels exported',
      );
      reply.header('Content-Disposition', 'attachment; filename="review-channel-gold.jsonl"');
      return reply.type(NDJSON).send(lines.join(''));
    },
  });
}
