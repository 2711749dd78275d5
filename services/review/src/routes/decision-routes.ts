/**
 * Leases (an opened item is the opener's for a while), decisions (appended to the audit log with
 * reviewer and time; a later one supersedes, never erases) and the audit log itself.
 */
import type { FastifyInstance } from 'fastify';
import type { ReviewItemRef } from '@tg-risk/core';
import type { ReviewDecisionV1, ReviewItemV1, RiskLabel } from '@tg-risk/schemas';
import { can } from '../auth/access-policy.ts';
import { DecisionRuleError, goldLabels } from '../domain/gold-labels.ts';
import { HttpError, sendError } from '../http/http-errors.ts';
import { addRoute, CHANNEL_ID, CURSOR, LIMIT, MESSAGE_ID } from '../http/route-spec.ts';
import { presentDecision, presentLease } from './presenters.ts';
import { reviewerOf, type ReviewContext } from './review-context.ts';

function itemOf(body: {
  kind: 'message' | 'channel';
  channel_id: string;
  message_id?: number;
}): ReviewItemRef {
  return {
    kind: body.kind,
    channelId: body.channel_id,
    messageId: body.kind === 'message' ? body.message_id! : null,
  };
}

/** The model's labels for the item (for a channel: the labels it violates under the rule), or 404. */
async function modelLabels(ctx: ReviewContext, item: ReviewItemRef): Promise<RiskLabel[]> {
  if (item.kind === 'message') {
    const stored = await ctx.store.getMessage(item.channelId, item.messageId!);
    if (!stored)
      throw new HttpError(404, 'NOT_FOUND', `no message ${item.channelId}/${item.messageId} in the store`);
    return stored.label.labels;
  }
  const channel = await ctx.store.getChannel(item.channelId);
  if (!channel?.entry)
    throw new HttpError(404, 'NOT_FOUND', `no channel ${item.channelId} in the review queues`);
  return channel.entry.violatingLabels;
}

export function decisionRoutes(app: FastifyInstance, ctx: ReviewContext): void {
  const requireReviewing = (request: Parameters<typeof reviewerOf>[0]) => {
    const reviewer = reviewerOf(request);
    if (!can(reviewer, 'decide') && !can(reviewer, 'decide_sample')) {
      throw new HttpError(403, 'FORBIDDEN', `your role (${reviewer.roles.join(', ')}) does not review items`);
    }
    return reviewer;
  };

  addRoute(app, {
    method: 'POST',
    url: '/api/leases',
    summary: 'Open an item for review: lease it to the caller (renews an own lease)',
    tag: 'decisions',
    access: 'signed_in',
    body: 'review-item.v1',
    responses: {
      200: { description: 'Leased to the caller until expires_at.' },
      404: { description: 'No such item.' },
      409: { description: 'Another reviewer holds the item; the answer names them and until when.' },
    },
    handler: async (request, reply) => {
      const reviewer = requireReviewing(request);
      const item = itemOf(request.body as ReviewItemV1);
      await modelLabels(ctx, item);
      const now = ctx.now();
      const expires = new Date(now.getTime() + ctx.config.leaseSeconds * 1000);
      const result = await ctx.store.acquireLease(
        item,
        reviewer.id,
        now.toISOString(),
        expires.toISOString(),
      );
      if (!result.acquired) {
        return sendError(
          reply,
          409,
          'LEASE_HELD',
          `${result.holder.reviewer} is reviewing this item until ${result.holder.expiresAt}; pick another item`,
          { holder: presentLease(result.holder) },
        );
      }
      return { lease: presentLease(result.lease) };
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/leases/release',
    summary: "Give an item back to the queue before its lease expires (only the caller's own lease)",
    tag: 'decisions',
    access: 'signed_in',
    body: 'review-item.v1',
    responses: { 204: { description: 'Released (or was not held by the caller).' } },
    handler: async (request, reply) => {
      const reviewer = requireReviewing(request);
      await ctx.store.releaseLease(itemOf(request.body as ReviewItemV1), reviewer.id);
      return reply.code(204).send();
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/decisions',
    summary: 'Confirm, reject or relabel a message or channel (appended to the audit log)',
    tag: 'decisions',
    access: 'signed_in',
    body: 'review-decision.v1',
    responses: {
      201: { description: 'The decision as recorded, with the id of the decision it supersedes.' },
      404: { description: 'No such item.' },
      409: { description: 'Another reviewer holds the item.' },
    },
    handler: async (request, reply) => {
      const body = request.body as ReviewDecisionV1;
      const reviewer = reviewerOf(request);
      const blind = body.sample_id !== undefined;
      const needed = blind ? 'decide_sample' : 'decide';
      if (!can(reviewer, needed)) {
        throw new HttpError(
          403,
          'FORBIDDEN',
          `your role (${reviewer.roles.join(', ')}) does not allow this (${needed})`,
        );
      }
      const item = itemOf(body);
      let labels: RiskLabel[];
      try {
        labels = goldLabels(body.action, await modelLabels(ctx, item), body.labels, blind);
      } catch (error) {
        if (error instanceof DecisionRuleError) throw new HttpError(400, 'BAD_DECISION', error.message);
        throw error;
      }
      const now = ctx.now().toISOString();
      const decision = await ctx.store.recordDecision({
        item,
        action: body.action,
        labels,
        note: body.note ?? null,
        reviewerId: reviewer.id,
        reviewer: reviewer.username,
        decidedAt: now,
        sampleId: body.sample_id ?? null,
        now,
      });
      ctx.logger.info(
        { decision: decision.id, reviewer: reviewer.username, action: body.action },
        'decision recorded',
      );
      return reply.code(201).send({ decision: presentDecision(decision) });
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/decisions',
    summary: 'The audit log: every decision, newest first, with who and when and what it superseded',
    tag: 'decisions',
    access: 'audit_log',
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        kind: { enum: ['message', 'channel'] },
        channel: CHANNEL_ID,
        message: MESSAGE_ID,
        reviewer: { type: 'string', minLength: 1, maxLength: 64 },
        sample: { type: 'integer', minimum: 1 },
        limit: LIMIT,
        cursor: CURSOR,
      },
    },
    responses: { 200: { description: '{ items, next_cursor }.' } },
    handler: async (request) => {
      const q = request.query as {
        kind?: 'message' | 'channel';
        channel?: string;
        message?: number;
        reviewer?: string;
        sample?: number;
        limit: number;
        cursor?: string;
      };
      if ((q.kind !== undefined || q.message !== undefined) && q.channel === undefined) {
        throw new HttpError(
          400,
          'BAD_REQUEST',
          'querystring: kind and message filter one item; give channel too',
        );
      }
      const kind = q.kind ?? (q.message !== undefined ? 'message' : 'channel');
      if (kind === 'message' && q.channel !== undefined && q.message === undefined) {
        throw new HttpError(400, 'BAD_REQUEST', 'querystring: kind=message needs message');
      }
      let reviewerId: number | undefined;
      if (q.reviewer !== undefined) {
        const found = await ctx.store.findCredentials(q.reviewer);
        if (!found) return { items: [], next_cursor: null };
        reviewerId = found.reviewer.id;
      }
      const page = await ctx.store.decisions({
        item:
          q.channel === undefined
            ? undefined
            : { kind, channelId: q.channel, messageId: kind === 'message' ? q.message! : null },
        reviewerId,
        sampleId: q.sample,
        limit: q.limit,
        cursor: q.cursor,
      });
      return { items: page.items.map(presentDecision), next_cursor: page.nextCursor };
    },
  });
}
