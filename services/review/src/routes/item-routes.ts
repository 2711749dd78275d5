/** One message or channel in full: what the reviewer needs to decide it. */
import type { FastifyInstance } from 'fastify';
import type { ReviewItemRef } from '@tg-risk/core';
import { ruleToken } from '@tg-risk/eval';
import { explainVerdict } from '../domain/channel-verdict.ts';
import { bandLabels } from '../domain/queue-priority.ts';
import { HttpError } from '../http/http-errors.ts';
import { addRoute, CHANNEL_ID, CURSOR, LIMIT, MESSAGE_ID } from '../http/route-spec.ts';
import {
  presentChannelCounts,
  presentDecision,
  presentLease,
  presentProfile,
  presentSummary,
} from './presenters.ts';
import { reviewerOf, type ReviewContext } from './review-context.ts';

/** Messages shown before and after the one under review. */
const CONTEXT = 5;

export function itemRoutes(app: FastifyInstance, ctx: ReviewContext): void {
  addRoute(app, {
    method: 'GET',
    url: '/api/messages/:channelId/:messageId',
    summary:
      'A message: text as posted, evidence spans, scores, model, channel, neighbours, replies, history',
    tag: 'items',
    access: 'read',
    params: {
      type: 'object',
      additionalProperties: false,
      required: ['channelId', 'messageId'],
      properties: { channelId: CHANNEL_ID, messageId: MESSAGE_ID },
    },
    responses: { 200: { description: 'The message view.' }, 404: { description: 'No such message.' } },
    handler: async (request) => {
      const { channelId, messageId } = request.params as { channelId: string; messageId: number };
      const stored = await ctx.store.getMessage(channelId, messageId);
      if (!stored) throw new HttpError(404, 'NOT_FOUND', `no message ${channelId}/${messageId} in the store`);
      const reviewer = reviewerOf(request);
      const { message, label } = stored;
      const item: ReviewItemRef = { kind: 'message', channelId, messageId };
      const now = ctx.now().toISOString();
      const [channel, neighbours, replies, history, lease] = await Promise.all([
        ctx.store.getChannel(channelId),
        ctx.store.neighbours(channelId, messageId, CONTEXT, CONTEXT),
        ctx.store.replies(channelId, messageId, 20),
        ctx.store.decisions({ item, limit: 50 }),
        ctx.store.liveLease(item, now),
      ]);
      const repliedTo =
        message.reply_to && !message.reply_to.channel_id
          ? await ctx.store.getMessage(channelId, message.reply_to.message_id)
          : null;
      return {
        channel_id: message.channel_id,
        message_id: message.message_id,
        date: message.date,
        edit_date: message.edit_date,
        text: message.text,
        entities: message.entities,
        forward: message.forward,
        reply_to: message.reply_to,
        views: message.views,
        media: message.media,
        lang: stored.lang,
        state: stored.state,
        labels: label.labels,
        uncertain: bandLabels(label.scores, label.labels, ctx.config.bands),
        scores: label.scores,
        thresholds: label.thresholds,
        model: label.model,
        evidence: label.evidence,
        blur: reviewer.blurTerrorism && label.labels.includes('terrorism'),
        channel: channel && {
          channel_id: channel.channelId,
          username: channel.username,
          title: channel.title,
          profile: presentProfile(channel.profile),
          violates: channel.entry?.violates ?? null,
        },
        neighbours: neighbours.map((m) => presentSummary(m)),
        replied_to: repliedTo && {
          channel_id: repliedTo.message.channel_id,
          message_id: repliedTo.message.message_id,
          date: repliedTo.message.date,
          text: repliedTo.message.text,
          labels: repliedTo.label.labels,
        },
        replies: replies.map((m) => presentSummary(m)),
        history: history.items.map(presentDecision),
        lease: lease && presentLease(lease),
      };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/channels/:channelId',
    summary:
      'A channel: Telegram metadata, messages over time, flagged share per label, verdict under the channel rule and why',
    tag: 'items',
    access: 'read',
    params: {
      type: 'object',
      additionalProperties: false,
      required: ['channelId'],
      properties: { channelId: CHANNEL_ID },
    },
    responses: { 200: { description: 'The channel view.' }, 404: { description: 'No such channel.' } },
    handler: async (request) => {
      const { channelId } = request.params as { channelId: string };
      const channel = await ctx.store.getChannel(channelId);
      if (!channel) throw new HttpError(404, 'NOT_FOUND', `no channel ${channelId} in the store`);
      const item: ReviewItemRef = { kind: 'channel', channelId, messageId: null };
      const [days, history, lease] = await Promise.all([
        ctx.store.channelDays(channelId),
        ctx.store.decisions({ item, limit: 50 }),
        ctx.store.liveLease(item, ctx.now().toISOString()),
      ]);
      const entry = channel.entry;
      return {
        channel_id: channel.channelId,
        username: channel.username,
        title: channel.title,
        profile: presentProfile(channel.profile),
        state: channel.state,
        counts: entry && presentChannelCounts(entry),
        verdict: entry && {
          rule: ruleToken(ctx.config.rule),
          violates: entry.violates,
          labels: entry.violatingLabels,
          explanation: explainVerdict(entry, ctx.config.rule),
        },
        days: days.map((d) => ({
          day: d.day,
          messages: d.messages,
          flagged: d.flagged,
          flagged_any: d.flaggedAny,
        })),
        history: history.items.map(presentDecision),
        lease: lease && presentLease(lease),
      };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/channels/:channelId/messages',
    summary: "A channel's messages, newest first, keyset-paged",
    tag: 'items',
    access: 'read',
    params: {
      type: 'object',
      additionalProperties: false,
      required: ['channelId'],
      properties: { channelId: CHANNEL_ID },
    },
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { limit: LIMIT, cursor: CURSOR },
    },
    responses: { 200: { description: '{ items, next_cursor }.' } },
    handler: async (request) => {
      const { channelId } = request.params as { channelId: string };
      const { limit, cursor } = request.query as { limit: number; cursor?: string };
      const page = await ctx.store.channelMessages(channelId, limit, cursor);
      return { items: page.items.map((m) => presentSummary(m)), next_cursor: page.nextCursor };
    },
  });
}
