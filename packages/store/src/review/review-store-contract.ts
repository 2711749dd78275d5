/**
 * The conformance suite every ReviewStore passes (SQLite and PostgreSQL): reviewers and sessions,
 * the queue projection, keyset paging and filters, leases, the append-only decision log, samples
 * and exports. The projection rules here are deliberately simple stand-ins for the review service's
 * (the store only stores and orders what it is given).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  REVIEW_STORE_ERRORS,
  TgRiskError,
  type ChannelEntry,
  type ChannelTally,
  type LabelStore,
  type LabelledMessage,
  type PendingLabelled,
  type QueueEntry,
  type ReviewItemRef,
  type ReviewStore,
} from '@tg-risk/core';
import type { RiskLabel } from '@tg-risk/schemas';

export interface ReviewStorePair {
  review: ReviewStore;
  labels: LabelStore;
}

const LABELS: RiskLabel[] = ['fraud', 'drugs', 'terrorism'];
const THRESHOLD = 0.5;
const BAND_LOW = 0.2;

type Scores = Record<RiskLabel, number>;

/** A labelled message; labels are the scores at or above 0.5. */
export function labelledMessage(
  channelId: string,
  messageId: number,
  scores: Partial<Scores>,
  extra: { text?: string; date?: string; editDate?: string; replyTo?: number; title?: string } = {},
): LabelledMessage {
  const full: Scores = { fraud: 0.01, drugs: 0.01, terrorism: 0.01, ...scores };
  return {
    message: {
      schema: 'message.v1',
      channel_id: channelId,
      channel_username: null,
      channel_title: extra.title ?? `Channel ${channelId}`,
      message_id: messageId,
      date: extra.date ?? `2025-03-${String(1 + (messageId % 28)).padStart(2, '0')}T10:00:00Z`,
      text: extra.text ?? `message ${channelId}/${messageId}`,
      entities: [],
      forward: null,
      reply_to: extra.replyTo ? { message_id: extra.replyTo } : null,
      edit_date: extra.editDate ?? null,
      views: null,
      media: null,
      source: { kind: 'telegram_export' },
    },
    label: {
      schema: 'label.v1',
      channel_id: channelId,
      message_id: messageId,
      labels: LABELS.filter((l) => full[l] >= THRESHOLD),
      scores: full,
      thresholds: { set: 'contract', fraud: THRESHOLD, drugs: THRESHOLD, terrorism: THRESHOLD },
      evidence: [],
      model: 'contract@1',
    },
  };
}

/** Stand-in projection: band [0.2, 0.5) keyed 0.5 − s, flags keyed 1 + s − 0.5. */
export function contractEntry({ message, label }: PendingLabelled): QueueEntry {
  const uncertainty = {} as Record<RiskLabel, number | null>;
  let riskAny: number | null = null;
  let uncAny: number | null = null;
  for (const l of LABELS) {
    const s = label.scores[l];
    const key = s >= THRESHOLD ? 1 + (s - THRESHOLD) : s >= BAND_LOW ? THRESHOLD - s : null;
    uncertainty[l] = key;
    if (key !== null) {
      riskAny = Math.max(riskAny ?? 0, s);
      uncAny = Math.min(uncAny ?? 2, key);
    }
  }
  return {
    channelId: message.channel_id,
    messageId: message.message_id,
    date: message.date,
    lang: message.text.startsWith('hola') ? 'es' : 'en',
    labels: label.labels,
    scores: label.scores,
    maxScore: Math.max(...LABELS.map((l) => label.scores[l])),
    riskAny,
    uncertaintyAny: uncAny,
    uncertainty,
    replyToMessageId: message.reply_to?.message_id ?? null,
  };
}

/** Stand-in channel rule: violates with one flagged message. */
export function contractJudge(t: ChannelTally): ChannelEntry {
  const candidate = t.flaggedAny > 0 || t.bandAny > 0;
  const share = t.messages > 0 ? t.flaggedAny / t.messages : 0;
  return {
    ...t,
    flaggedShare: share,
    violates: t.flaggedAny > 0,
    violatingLabels: LABELS.filter((l) => t.flagged[l] > 0),
    riskKey: candidate ? share + (t.flaggedAny > 0 ? 1 : 0) : null,
    uncertaintyKey: candidate ? 1 / (1 + t.bandAny) : null,
  };
}

/** Projects everything pending and re-judges the touched channels. */
export async function syncQueues(review: ReviewStore): Promise<number> {
  const channels = new Set<string>();
  let total = 0;
  for (;;) {
    const { projected, channelIds } = await review.projectPending(7, (p) => p.map(contractEntry));
    if (projected === 0) break;
    total += projected;
    channelIds.forEach((c) => channels.add(c));
  }
  await review.refreshChannels([...channels], (tallies) => tallies.map(contractJudge));
  return total;
}

const NOW = '2025-06-01T12:00:00.000Z';
const LATER = '2025-06-01T12:30:00.000Z';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a ${code} error`).toBeInstanceOf(TgRiskError);
  expect((error as TgRiskError).code).toBe(code);
}

/** Registers the ReviewStore conformance tests; `open` must give an empty database. */
export function describeReviewStoreContract(name: string, open: () => Promise<ReviewStorePair>): void {
  describe(`ReviewStore contract: ${name}`, () => {
    const opened: ReviewStorePair[] = [];
    afterEach(async () => {
      for (const pair of opened.splice(0)) {
        await pair.review.close();
        await pair.labels.close();
      }
    });
    async function fresh(): Promise<ReviewStorePair> {
      const pair = await open();
      opened.push(pair);
      return pair;
    }
    async function reviewer(review: ReviewStore, username: string) {
      return review.createReviewer({ username, roles: ['analyst'], passwordHash: 'x', createdAt: NOW });
    }
    const msg = (channelId: string, messageId: number): ReviewItemRef => ({
      kind: 'message',
      channelId,
      messageId,
    });

    it('creates reviewers once per name, updates and lists them', async () => {
      const { review } = await fresh();
      const ana = await review.createReviewer({
        username: 'ana',
        roles: ['analyst', 'auditor'],
        passwordHash: 'scrypt$1',
        createdAt: NOW,
      });
      expect(ana).toMatchObject({
        username: 'ana',
        roles: ['analyst', 'auditor'],
        blurTerrorism: true,
        disabled: false,
      });
      await expectCode(
        review.createReviewer({ username: 'ana', roles: ['admin'], passwordHash: null, createdAt: NOW }),
        REVIEW_STORE_ERRORS.reviewerExists,
      );
      expect((await review.findCredentials('ana'))?.passwordHash).toBe('scrypt$1');
      expect(await review.findCredentials('nobody')).toBeNull();
      const updated = await review.updateReviewer('ana', {
        roles: ['admin'],
        disabled: true,
        blurTerrorism: false,
      });
      expect(updated).toMatchObject({ roles: ['admin'], disabled: true, blurTerrorism: false });
      expect(await review.updateReviewer('nobody', { disabled: true })).toBeNull();
      await reviewer(review, 'bob');
      expect((await review.listReviewers()).map((r) => r.username)).toEqual(['ana', 'bob']);
    });

    it('finds live sessions only, and not those of disabled reviewers', async () => {
      const { review } = await fresh();
      const ana = await reviewer(review, 'ana');
      await review.createSession({ tokenHash: 'h1', reviewerId: ana.id, createdAt: NOW, expiresAt: LATER });
      await review.createSession({ tokenHash: 'h2', reviewerId: ana.id, createdAt: NOW, expiresAt: LATER });
      expect((await review.findSession('h1', NOW))?.username).toBe('ana');
      expect(await review.findSession('h1', LATER)).toBeNull();
      await review.deleteSession('h1');
      expect(await review.findSession('h1', NOW)).toBeNull();
      await review.updateReviewer('ana', { disabled: true });
      expect(await review.findSession('h2', NOW)).toBeNull();
      await review.updateReviewer('ana', { disabled: false });
      await review.deleteSessionsOf(ana.id);
      expect(await review.findSession('h2', NOW)).toBeNull();
    });

    it('projects every written message once, and again after an edit or a policy change', async () => {
      const { review, labels } = await fresh();
      await labels.saveLabelled([labelledMessage('11', 1, { fraud: 0.9 }), labelledMessage('11', 2, {})]);
      expect(await review.ensurePolicy('p1')).toBe(true);
      expect(await review.ensurePolicy('p1')).toBe(false);
      expect(await syncQueues(review)).toBe(2);
      expect(await syncQueues(review)).toBe(0);
      await labels.saveLabelled([
        labelledMessage('11', 2, { drugs: 0.8 }, { editDate: '2025-04-01T00:00:00Z' }),
      ]);
      expect(await syncQueues(review)).toBe(1);
      const page = await review.messageQueue({
        sort: 'risk',
        decision: 'open',
        limit: 10,
        reviewerId: 0,
        now: NOW,
      });
      expect(page.items.map((i) => [i.messageId, i.labels])).toEqual([
        [1, ['fraud']],
        [2, ['drugs']],
      ]);
      expect(await review.ensurePolicy('p2')).toBe(true);
      expect(await syncQueues(review)).toBe(2);
    });

    it('pages the risk queue by keyset: every candidate once, highest score first', async () => {
      const { review, labels } = await fresh();
      const items = Array.from({ length: 23 }, (_, i) =>
        labelledMessage(String(100 + (i % 3)), i + 1, { fraud: 0.2 + ((i * 7) % 23) / 30 }),
      );
      items.push(labelledMessage('100', 99, { fraud: 0.05 }));
      await labels.saveLabelled(items);
      await syncQueues(review);
      const seen: Array<[string, number, number]> = [];
      let cursor: string | undefined;
      do {
        const page = await review.messageQueue({
          sort: 'risk',
          decision: 'open',
          limit: 5,
          cursor,
          reviewerId: 0,
          now: NOW,
        });
        seen.push(
          ...page.items.map((i): [string, number, number] => [i.channelId, i.messageId, i.scores.fraud]),
        );
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(23);
      expect(new Set(seen.map(([c, m]) => `${c}/${m}`)).size).toBe(23);
      const scores = seen.map(([, , s]) => s);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('orders the uncertainty queue: review band first, nearest the threshold first, then flags', async () => {
      const { review, labels } = await fresh();
      await labels.saveLabelled([
        labelledMessage('7', 1, { drugs: 0.95 }),
        labelledMessage('7', 2, { drugs: 0.25 }),
        labelledMessage('7', 3, { drugs: 0.45 }),
        labelledMessage('7', 4, { drugs: 0.55 }),
        labelledMessage('7', 5, { drugs: 0.1 }),
      ]);
      await syncQueues(review);
      const page = await review.messageQueue({
        sort: 'uncertainty',
        label: 'drugs',
        decision: 'open',
        limit: 10,
        reviewerId: 0,
        now: NOW,
      });
      expect(page.items.map((i) => i.messageId)).toEqual([3, 2, 4, 1]);
      expect(page.items[0]!.uncertain).toEqual(['drugs']);
    });

    it('filters by label, language, channel, score, date and decision state', async () => {
      const { review, labels } = await fresh();
      await labels.saveLabelled([
        labelledMessage('1', 1, { fraud: 0.9 }, { date: '2025-01-05T00:00:00Z' }),
        labelledMessage('1', 2, { drugs: 0.8 }, { date: '2025-02-05T00:00:00Z', text: 'hola amigos' }),
        labelledMessage('2', 1, { fraud: 0.6 }, { date: '2025-03-05T00:00:00Z' }),
        labelledMessage('2', 2, { terrorism: 0.3 }, { date: '2025-03-06T00:00:00Z' }),
      ]);
      await syncQueues(review);
      const ids = async (q: Partial<Parameters<ReviewStore['messageQueue']>[0]>) =>
        (
          await review.messageQueue({
            sort: 'risk',
            decision: 'open',
            limit: 50,
            reviewerId: 0,
            now: NOW,
            ...q,
          })
        ).items.map((i) => `${i.channelId}/${i.messageId}`);
      expect(await ids({})).toEqual(['1/1', '1/2', '2/1', '2/2']);
      expect(await ids({ label: 'fraud' })).toEqual(['1/1', '2/1']);
      expect(await ids({ lang: 'es' })).toEqual(['1/2']);
      expect(await ids({ channelId: '2' })).toEqual(['2/1', '2/2']);
      expect(await ids({ channelId: '2', sort: 'uncertainty' })).toEqual(['2/2', '2/1']);
      expect(await ids({ scoreMin: 0.5, scoreMax: 0.85 })).toEqual(['1/2', '2/1']);
      expect(await ids({ dateFrom: '2025-02-01T00:00:00Z', dateBefore: '2025-03-06T00:00:00Z' })).toEqual([
        '1/2',
        '2/1',
      ]);
      const ana = await reviewer(review, 'ana');
      await review.recordDecision({
        item: msg('1', 1),
        action: 'reject',
        labels: [],
        note: null,
        reviewerId: ana.id,
        reviewer: 'ana',
        decidedAt: NOW,
        sampleId: null,
        now: NOW,
      });
      expect(await ids({})).toEqual(['1/2', '2/1', '2/2']);
      expect(await ids({ decision: 'rejected' })).toEqual(['1/1']);
      expect(await ids({ decision: 'decided' })).toEqual(['1/1']);
      expect(await ids({ decision: 'any' })).toHaveLength(4);
      expect(await ids({ decision: 'confirmed' })).toEqual([]);
    });

    it('rejects a cursor it did not issue', async () => {
      const { review } = await fresh();
      const query = { sort: 'risk' as const, decision: 'open' as const, limit: 5, reviewerId: 0, now: NOW };
      for (const cursor of ['garbage!', Buffer.from('[1,2]').toString('base64url'), "' OR 1=1 --"]) {
        await expectCode(review.messageQueue({ ...query, cursor }), REVIEW_STORE_ERRORS.badCursor);
      }
      await expectCode(review.channelQueue({ ...query, cursor: 'x' }), REVIEW_STORE_ERRORS.badCursor);
    });

    it('leases an item to one reviewer at a time until it expires', async () => {
      const { review, labels } = await fresh();
      await labels.saveLabelled([
        labelledMessage('5', 1, { fraud: 0.9 }),
        labelledMessage('5', 2, { fraud: 0.8 }),
      ]);
      await syncQueues(review);
      const ana = await reviewer(review, 'ana');
      const bob = await reviewer(review, 'bob');
      const first = await review.acquireLease(msg('5', 1), ana.id, NOW, LATER);
      expect(first).toMatchObject({ acquired: true, lease: { reviewer: 'ana', expiresAt: LATER } });
      const taken = await review.acquireLease(msg('5', 1), bob.id, NOW, LATER);
      expect(taken).toMatchObject({ acquired: false, holder: { reviewer: 'ana' } });
      const renewed = await review.acquireLease(msg('5', 1), ana.id, NOW, '2025-06-01T13:00:00.000Z');
      expect(renewed).toMatchObject({ acquired: true, lease: { acquiredAt: NOW } });
      const queue = async (who: number, now: string) =>
        (
          await review.messageQueue({ sort: 'risk', decision: 'open', limit: 9, reviewerId: who, now })
        ).items.map((i) => i.messageId);
      expect(await queue(bob.id, NOW)).toEqual([2]);
      expect(await queue(ana.id, NOW)).toEqual([1, 2]);
      expect(await review.liveLease(msg('5', 1), NOW)).toMatchObject({ reviewer: 'ana' });
      const after = '2025-06-01T14:00:00.000Z';
      expect(await queue(bob.id, after)).toEqual([1, 2]);
      expect(await review.liveLease(msg('5', 1), after)).toBeNull();
      expect(await review.acquireLease(msg('5', 1), bob.id, after, '2025-06-01T15:00:00.000Z')).toMatchObject(
        {
          acquired: true,
          lease: { reviewer: 'bob', acquiredAt: after },
        },
      );
      await review.releaseLease(msg('5', 1), ana.id);
      expect(await review.liveLease(msg('5', 1), after)).toMatchObject({ reviewer: 'bob' });
      await review.releaseLease(msg('5', 1), bob.id);
      expect(await review.liveLease(msg('5', 1), after)).toBeNull();
    });

    it('appends decisions: the later supersedes, the earlier stays; a held lease blocks others', async () => {
      const { review, labels } = await fresh();
      await labels.saveLabelled([labelledMessage('3', 1, { fraud: 0.9 })]);
      await syncQueues(review);
      const ana = await reviewer(review, 'ana');
      const bob = await reviewer(review, 'bob');
      const base = { item: msg('3', 1), note: null, sampleId: null, now: NOW, decidedAt: NOW };
      await review.acquireLease(msg('3', 1), ana.id, NOW, LATER);
      await expectCode(
        review.recordDecision({ ...base, action: 'reject', labels: [], reviewerId: bob.id, reviewer: 'bob' }),
        REVIEW_STORE_ERRORS.leaseHeld,
      );
      const first = await review.recordDecision({
        ...base,
        action: 'confirm',
        labels: ['fraud'],
        reviewerId: ana.id,
        reviewer: 'ana',
      });
      expect(first).toMatchObject({ modelLabels: ['fraud'], model: 'contract@1', supersedes: null });
      expect(await review.liveLease(msg('3', 1), NOW)).toBeNull();
      const second = await review.recordDecision({
        ...base,
        action: 'relabel',
        labels: ['fraud', 'drugs'],
        note: 'also sells',
        reviewerId: bob.id,
        reviewer: 'bob',
        decidedAt: LATER,
      });
      expect(second).toMatchObject({ supersedes: first.id, supersededBy: null, labels: ['fraud', 'drugs'] });
      const log = await review.decisions({ item: msg('3', 1), limit: 10 });
      expect(log.items.map((d) => [d.id, d.reviewer, d.supersededBy])).toEqual([
        [second.id, 'bob', null],
        [first.id, 'ana', second.id],
      ]);
      expect((await review.getMessage('3', 1))?.state).toBe('relabelled');
      expect((await review.decisions({ reviewerId: ana.id, limit: 10 })).items).toHaveLength(1);
      const page1 = await review.decisions({ limit: 1 });
      const page2 = await review.decisions({ limit: 1, cursor: page1.nextCursor! });
      expect([page1.items[0]!.id, page2.items[0]!.id, page2.nextCursor]).toEqual([second.id, first.id, null]);
      await expectCode(
        review.recordDecision({
          ...base,
          item: msg('3', 42),
          action: 'reject',
          labels: [],
          reviewerId: ana.id,
          reviewer: 'ana',
        }),
        REVIEW_STORE_ERRORS.itemNotFound,
      );
      const exported = await review.decidedMessages(10);
      expect(exported.items.map((e) => [e.decision.id, e.text])).toEqual([[second.id, 'message 3/1']]);
    });

    it('tallies channels, pages their queue, keeps their profile, days and messages', async () => {
      const { review, labels } = await fresh();
      await labels.saveLabelled([
        labelledMessage('21', 1, { fraud: 0.9 }, { date: '2025-01-01T10:00:00Z' }),
        labelledMessage('21', 2, { fraud: 0.3 }, { date: '2025-01-01T11:00:00Z' }),
        labelledMessage('21', 3, {}, { date: '2025-01-02T10:00:00Z', replyTo: 1 }),
        labelledMessage('22', 1, { drugs: 0.35 }),
        labelledMessage('23', 1, {}),
      ]);
      await syncQueues(review);
      await review.saveChannelProfiles([
        {
          channelId: '21',
          about: 'investments',
          participants: 1200,
          verified: false,
          scam: true,
          fake: false,
          restricted: null,
          updatedAt: NOW,
        },
      ]);
      const channel = await review.getChannel('21');
      expect(channel).toMatchObject({
        title: 'Channel 21',
        profile: { participants: 1200, scam: true, verified: false, restricted: null },
        entry: {
          messages: 3,
          flagged: { fraud: 1, drugs: 0, terrorism: 0 },
          flaggedAny: 1,
          band: { fraud: 1 },
        },
        state: 'open',
      });
      expect(channel!.entry!.bandAny).toBe(1);
      expect(await review.getChannel('404')).toBeNull();
      const queue = await review.channelQueue({
        sort: 'risk',
        decision: 'open',
        limit: 1,
        reviewerId: 0,
        now: NOW,
      });
      const next = await review.channelQueue({
        sort: 'risk',
        decision: 'open',
        limit: 1,
        reviewerId: 0,
        now: NOW,
        cursor: queue.nextCursor!,
      });
      expect([queue.items[0]!.channelId, next.items[0]!.channelId, next.nextCursor]).toEqual([
        '21',
        '22',
        null,
      ]);
      expect(
        (
          await review.channelQueue({
            sort: 'risk',
            label: 'drugs',
            decision: 'open',
            limit: 9,
            reviewerId: 0,
            now: NOW,
          })
        ).items.map((c) => c.channelId),
      ).toEqual(['22']);
      expect(await review.channelDays('21')).toEqual([
        { day: '2025-01-01', messages: 2, flagged: { fraud: 1, drugs: 0, terrorism: 0 }, flaggedAny: 1 },
        { day: '2025-01-02', messages: 1, flagged: { fraud: 0, drugs: 0, terrorism: 0 }, flaggedAny: 0 },
      ]);
      const messages = await review.channelMessages('21', 2);
      const rest = await review.channelMessages('21', 2, messages.nextCursor!);
      expect([...messages.items, ...rest.items].map((m) => m.messageId)).toEqual([3, 2, 1]);
      expect((await review.neighbours('21', 2, 5, 5)).map((m) => m.messageId)).toEqual([1, 3]);
      expect((await review.replies('21', 1, 5)).map((m) => m.messageId)).toEqual([3]);
      const ana = await reviewer(review, 'ana');
      const channelItem: ReviewItemRef = { kind: 'channel', channelId: '21', messageId: null };
      expect((await review.acquireLease(channelItem, ana.id, NOW, LATER)).acquired).toBe(true);
      const decision = await review.recordDecision({
        item: channelItem,
        action: 'confirm',
        labels: ['fraud'],
        note: null,
        reviewerId: ana.id,
        reviewer: 'ana',
        decidedAt: NOW,
        sampleId: null,
        now: NOW,
      });
      expect(decision).toMatchObject({ item: channelItem, modelLabels: ['fraud'] });
      expect((await review.getChannel('21'))?.state).toBe('confirmed');
      expect((await review.decidedChannels(null)).map((d) => d.item.channelId)).toEqual(['21']);
    });

    it('draws a stratified sample reproducibly and keeps blind decisions per sample', async () => {
      const { review, labels } = await fresh();
      await labels.saveLabelled(
        Array.from({ length: 30 }, (_, i) => labelledMessage(String(40 + i), 1, { fraud: i / 30 })),
      );
      await syncQueues(review);
      // Picks the first `size` positions: deterministic, so the draw can be checked exactly.
      const firsts = (_h: number, population: number, size: number) => {
        expect(size).toBeLessThanOrEqual(population);
        return Array.from({ length: size }, (_, i) => i);
      };
      const spec = {
        kind: 'channel' as const,
        label: null,
        seed: 1,
        createdBy: 'aud',
        createdAt: NOW,
        strata: [
          { name: 'low', min: 0, max: 0.5, size: 3 },
          { name: 'high', min: 0.5, max: 1, size: 50 },
        ],
      };
      const sample = await review.createSample(spec, firsts);
      expect(sample.strata.map((s) => [s.name, s.population, s.drawn])).toEqual([
        ['low', 15, 3],
        ['high', 15, 15],
      ]);
      const items = await review.sampleItems(sample.id);
      expect(items).toHaveLength(18);
      expect(items.slice(0, 3).map((i) => i.item.channelId)).toEqual(['40', '41', '42']);
      const again = await review.createSample(spec, firsts);
      expect((await review.sampleItems(again.id)).map((i) => i.item)).toEqual(items.map((i) => i.item));
      const messages = await review.createSample({ ...spec, kind: 'message', label: 'fraud' }, firsts);
      expect(messages.strata.map((s) => s.population)).toEqual([15, 15]);
      const ana = await reviewer(review, 'ana');
      const target = items[4]!.item;
      const blind = {
        item: target,
        action: 'relabel' as const,
        note: null,
        reviewerId: ana.id,
        reviewer: 'ana',
        decidedAt: NOW,
        now: NOW,
      };
      await review.recordDecision({ ...blind, labels: ['fraud'], sampleId: sample.id });
      await review.recordDecision({ ...blind, labels: [], sampleId: sample.id, decidedAt: LATER });
      await expectCode(
        review.recordDecision({
          ...blind,
          item: { kind: 'channel', channelId: '999', messageId: null },
          labels: [],
          sampleId: sample.id,
        }),
        REVIEW_STORE_ERRORS.itemNotFound,
      );
      await expectCode(
        review.recordDecision({ ...blind, item: { ...target }, labels: [], sampleId: messages.id }),
        REVIEW_STORE_ERRORS.notInSample,
      );
      const after = await review.sampleItems(sample.id);
      expect(after[4]!.decision).toMatchObject({ labels: [], sampleId: sample.id });
      expect(after.filter((i) => i.decision !== null)).toHaveLength(1);
      expect((await review.getSample(sample.id))?.decided).toBe(1);
      expect((await review.listSamples()).map((s) => s.id)).toEqual([messages.id, again.id, sample.id]);
      expect(await review.getSample(12345)).toBeNull();
      expect((await review.decidedChannels(sample.id)).map((d) => [d.item.channelId, d.labels])).toEqual([
        [target.channelId, []],
      ]);
      expect(await review.decidedChannels(again.id)).toEqual([]);
    });
  });
}
