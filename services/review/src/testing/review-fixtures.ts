/**
 * Data and helpers shared by the review API suite and the browser tests: a small labelled corpus
 * with known scores, evidence, languages, replies and forwards; reviewers of each role; signing in.
 */
import type { FastifyInstance } from 'fastify';
import type { LabelStore, LabelledMessage, ReviewRole, ReviewStore } from '@tg-risk/core';
import type { LabelV1, MessageV1, RiskLabel } from '@tg-risk/schemas';
import { hashPassword, type ScryptCost } from '../auth/passwords.ts';
import type { ReviewBands } from '../domain/review-bands.ts';

/** Cheap scrypt for tests (the default costs ~0.1 s per hash). */
export const TEST_SCRYPT_COST: ScryptCost = { N: 1024, r: 8, p: 1 };
export const TEST_PASSWORD = 'correct horse battery staple';

export const TEST_BANDS: ReviewBands = {
  fraud: { reviewLow: 0.3, threshold: 0.7 },
  drugs: { reviewLow: 0.3, threshold: 0.7 },
  terrorism: { reviewLow: 0.2, threshold: 0.5 },
};

export interface CorpusMessage {
  channelId: string;
  messageId: number;
  text: string;
  scores: Record<RiskLabel, number>;
  /** Evidence: the label and the exact substring of `text` that supports it (first occurrence). */
  evidence?: Array<{ label: RiskLabel; span: string }>;
  date?: string;
  replyTo?: number;
  forwardFrom?: string;
}

/** A labelled message whose labels are the scores at or above the test thresholds. */
export function labelled(m: CorpusMessage, channelTitle = `Channel ${m.channelId}`): LabelledMessage {
  const labels = (['fraud', 'drugs', 'terrorism'] as const).filter(
    (l) => m.scores[l] >= TEST_BANDS[l].threshold,
  );
  const message: MessageV1 = {
    schema: 'message.v1',
    channel_id: m.channelId,
    channel_username: `chan_${m.channelId}`,
    channel_title: channelTitle,
    message_id: m.messageId,
    date:
      m.date ??
      new Date(Date.UTC(2025, 2, 1 + (m.messageId % 20), 12, m.messageId % 60))
        .toISOString()
        .replace('.000Z', 'Z'),
    text: m.text,
    entities: [],
    forward: m.forwardFrom
      ? { from_name: m.forwardFrom, from_channel_id: null, from_message_id: null }
      : null,
    reply_to: m.replyTo ? { message_id: m.replyTo } : null,
    edit_date: null,
    views: null,
    media: null,
    source: { kind: 'telegram_export', file: 'result.json', index: m.messageId },
  };
  const label: LabelV1 = {
    schema: 'label.v1',
    channel_id: m.channelId,
    message_id: m.messageId,
    labels,
    scores: m.scores,
    thresholds: {
      set: 'test',
      fraud: TEST_BANDS.fraud.threshold,
      drugs: TEST_BANDS.drugs.threshold,
      terrorism: TEST_BANDS.terrorism.threshold,
    },
    evidence: (m.evidence ?? []).map((e) => {
      const start = m.text.indexOf(e.span);
      if (start < 0) throw new Error(`evidence "${e.span}" is not in message ${m.channelId}/${m.messageId}`);
      return { label: e.label, kind: 'lexicon', start, end: start + e.span.length, text: e.span, weight: 1 };
    }),
    model: 'tgrisk-risk@test',
  };
  return { message, label };
}

const score = (fraud: number, drugs: number, terrorism: number) => ({ fraud, drugs, terrorism });

/** The standard corpus: 3 channels, flagged, review-band and clean messages in several languages. */
export function standardCorpus(): CorpusMessage[] {
  return [
    // Channel 1001: a crypto "investment" channel.
    {
      channelId: '1001',
      messageId: 1,
      text: 'Good morning investors, markets open soon',
      scores: score(0.1, 0.01, 0.01),
    },
    {
      channelId: '1001',
      messageId: 2,
      text: 'Send 0.1 BTC to wallet bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh and get 2x back in 24 hours, guaranteed',
      scores: score(0.95, 0.02, 0.01),
      evidence: [
        { label: 'fraud', span: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh' },
        { label: 'fraud', span: 'get 2x back' },
      ],
    },
    {
      channelId: '1001',
      messageId: 3,
      text: 'Double your money with our trading bot, returns 5% per day',
      scores: score(0.65, 0.01, 0.01),
      evidence: [{ label: 'fraud', span: '5% per day' }],
    },
    {
      channelId: '1001',
      messageId: 4,
      text: 'Who else made profit today?',
      scores: score(0.35, 0.01, 0.01),
      replyTo: 3,
    },
    {
      channelId: '1001',
      messageId: 5,
      text: 'Invierte hoy y recibe el doble mañana, envía tu depósito ya',
      scores: score(0.8, 0.01, 0.01),
      evidence: [{ label: 'fraud', span: 'recibe el doble' }],
    },
    // Channel 1002: a "shop" with drugs offers.
    {
      channelId: '1002',
      messageId: 1,
      text: 'Menu: gas packs 3.5g $40, carts 1g $35. DM @plug_example to order, stealth shipping',
      scores: score(0.05, 0.92, 0.01),
      evidence: [
        { label: 'drugs', span: 'gas packs 3.5g' },
        { label: 'drugs', span: 'carts' },
        { label: 'fraud', span: 'DM @plug_example' },
      ],
    },
    {
      channelId: '1002',
      messageId: 2,
      text: 'restock landed, smells loud',
      scores: score(0.02, 0.6, 0.01),
      forwardFrom: 'Supplier',
    },
    {
      channelId: '1002',
      messageId: 3,
      text: 'closed for the holidays, back next week',
      scores: score(0.02, 0.31, 0.01),
    },
    // Channel 1003: extremist propaganda alongside news.
    {
      channelId: '1003',
      messageId: 1,
      text: 'Join the fighters, take up arms against them, the attack is near',
      scores: score(0.01, 0.01, 0.9),
      evidence: [{ label: 'terrorism', span: 'take up arms' }],
    },
    {
      channelId: '1003',
      messageId: 2,
      text: 'News: the attack yesterday was condemned by everyone',
      scores: score(0.01, 0.01, 0.3),
    },
    { channelId: '1003', messageId: 3, text: 'Weather report for the week', scores: score(0.01, 0.01, 0.01) },
  ];
}

/** Saves `corpus` through the label store (as the pipeline does). */
export async function seedCorpus(
  labels: LabelStore,
  corpus: readonly CorpusMessage[] = standardCorpus(),
): Promise<void> {
  await labels.saveLabelled(corpus.map((m) => labelled(m)));
}

/** Creates a reviewer with TEST_PASSWORD. */
export async function addReviewer(store: ReviewStore, username: string, roles: ReviewRole[]): Promise<void> {
  await store.createReviewer({
    username,
    roles,
    passwordHash: await hashPassword(TEST_PASSWORD, TEST_SCRYPT_COST),
    createdAt: new Date().toISOString(),
  });
}

/** Signs in through the API; returns the Cookie header value to send. */
export async function signIn(
  http: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const response = await http.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'tgrisk_session');
  if (!cookie) throw new Error('sign-in set no session cookie');
  return `tgrisk_session=${cookie.value}`;
}
