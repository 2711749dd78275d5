/**
 * The review API's behaviour, run the same on every store: queues and filters, the message and
 * channel views, leases, decisions and the audit log, blurring, audit samples and exports.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isValid, schemaIssues } from '@tg-risk/schemas';
import { json, openHarness, type Harness, type OpenStores } from './api-harness.ts';

type Page = { items: Array<Record<string, unknown>>; next_cursor: string | null };
const key = (i: Record<string, unknown>) => `${String(i.channel_id)}/${String(i.message_id)}`;

export function describeReviewFlows(name: string, open: OpenStores): void {
  describe(`review API flows: ${name}`, () => {
    let h: Harness;
    afterEach(async () => h?.close());

    it('orders the message queue by uncertainty (review band first) or risk, and pages it', async () => {
      h = await openHarness(open);
      const band = json<Page>(await h.call('GET', '/api/queue/messages', h.cookies.ana));
      // The review band first, nearest its threshold first: fraud 0.65 (0.05 below 0.7), drugs 0.6 ...
      expect(band.items.slice(0, 3).map(key)).toEqual(['1001/3', '1002/2', '1003/2']);
      expect(band.items[0]).toMatchObject({ labels: [], uncertain: ['fraud'], lang: 'en', state: 'open' });
      const risk = json<Page>(await h.call('GET', '/api/queue/messages?sort=risk', h.cookies.ana));
      expect(risk.items.slice(0, 3).map(key)).toEqual(['1001/2', '1002/1', '1003/1']);
      expect(risk.items.map(key)).not.toContain('1003/3');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = json<Page>(
          await h.call(
            'GET',
            `/api/queue/messages?sort=risk&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
            h.cookies.ana,
          ),
        );
        seen.push(...page.items.map(key));
        cursor = page.next_cursor;
      } while (cursor);
      expect(seen).toEqual(risk.items.map(key));
    });

    it('filters the queue by label, language, channel, score range, date and decision state', async () => {
      h = await openHarness(open);
      const keys = async (q: string) =>
        json<Page>(await h.call('GET', `/api/queue/messages?sort=risk&${q}`, h.cookies.ana)).items.map(key);
      expect(await keys('label=drugs')).toEqual(['1002/1', '1002/2', '1002/3']);
      expect(await keys('lang=es')).toEqual(['1001/5']);
      expect(await keys('channel=1003')).toEqual(['1003/1', '1003/2']);
      expect(await keys('label=fraud&score_min=0.6&score_max=0.9')).toEqual(['1001/5', '1001/3']);
      expect(await keys('from=2025-03-06&to=2025-03-06')).toEqual(['1001/5']);
      json(
        await h.call('POST', '/api/decisions', h.cookies.ana, {
          kind: 'message',
          channel_id: '1001',
          message_id: 5,
          action: 'reject',
        }),
        201,
      );
      expect(await keys('from=2025-03-06')).toEqual([]);
      expect(await keys('decision=rejected')).toEqual(['1001/5']);
      expect(await keys('decision=decided')).toEqual(['1001/5']);
      const channels = json<Page>(await h.call('GET', '/api/queue/channels?sort=risk', h.cookies.ana));
      // Violating channels first, then by flagged share (1003 and 1002 tie at 1/3: higher id first).
      expect(channels.items.map((c) => c.channel_id)).toEqual(['1001', '1003', '1002']);
      expect(channels.items[0]).toMatchObject({ violates: true, violating_labels: ['fraud'], messages: 5 });
    });

    it('shows a message as posted, with evidence, scores, model, channel, context and history', async () => {
      h = await openHarness(open);
      await h.stores.review.saveChannelProfiles([
        {
          channelId: '1001',
          about: null,
          participants: 4200,
          verified: false,
          scam: true,
          fake: false,
          restricted: null,
          updatedAt: '2025-01-01T00:00:00Z',
        },
      ]);
      const m = json(await h.call('GET', '/api/messages/1001/3', h.cookies.ana));
      expect(m).toMatchObject({
        text: 'Double your money with our trading bot, returns 5% per day',
        labels: [],
        uncertain: ['fraud'],
        scores: { fraud: 0.65 },
        model: 'tgrisk-risk@test',
        evidence: [{ label: 'fraud', text: '5% per day', start: 48, end: 58 }],
        channel: { title: 'Channel 1001', profile: { participants: 4200, scam: true }, violates: true },
        blur: false,
        lease: null,
        history: [],
      });
      expect((m.neighbours as Array<{ message_id: number }>).map((n) => n.message_id)).toEqual([1, 2, 4, 5]);
      expect((m.replies as Array<{ message_id: number }>).map((r) => r.message_id)).toEqual([4]);
      expect(json(await h.call('GET', '/api/messages/1001/4', h.cookies.ana)).replied_to).toMatchObject({
        message_id: 3,
      });
      expect(json(await h.call('GET', '/api/messages/1002/2', h.cookies.ana)).forward).toMatchObject({
        from_name: 'Supplier',
      });
      expect(json(await h.call('GET', '/api/messages/1001/99', h.cookies.ana), 404)).toMatchObject({
        error: 'NOT_FOUND',
      });
    });

    it('blurs terrorism-labelled text per reviewer until they turn it off', async () => {
      h = await openHarness(open);
      expect(json(await h.call('GET', '/api/messages/1003/1', h.cookies.ana)).blur).toBe(true);
      expect(json(await h.call('GET', '/api/messages/1001/2', h.cookies.ana)).blur).toBe(false);
      const me = json(await h.call('PUT', '/api/me/settings', h.cookies.ana, { blur_terrorism: false }));
      expect(me).toMatchObject({ reviewer: { blur_terrorism: false } });
      expect(json(await h.call('GET', '/api/messages/1003/1', h.cookies.ana)).blur).toBe(false);
      expect(json(await h.call('GET', '/api/messages/1003/1', h.cookies.bob)).blur).toBe(true);
    });

    it('shows a channel: activity by day, flagged share per label, verdict under the rule and why', async () => {
      h = await openHarness(open);
      const c = json(await h.call('GET', '/api/channels/1001', h.cookies.ana));
      expect(c).toMatchObject({
        title: 'Channel 1001',
        counts: { messages: 5, flagged: { fraud: 2 }, flagged_share: { fraud: 0.4, any: 0.4 } },
        verdict: { rule: 'k=1', violates: true, labels: ['fraud'] },
      });
      expect((c.verdict as { explanation: string[] }).explanation).toContain(
        'fraud: violates, 2 flagged messages >= k = 1',
      );
      expect((c.days as unknown[]).length).toBe(5);
      const page = json<Page>(await h.call('GET', '/api/channels/1001/messages?limit=2', h.cookies.ana));
      expect(page.items.map((i) => i.message_id)).toEqual([5, 4]);
      expect(page.next_cursor).not.toBeNull();
    });

    it('leases an opened item to one reviewer; the lease expires back into the queue', async () => {
      h = await openHarness(open);
      const item = { kind: 'message', channel_id: '1001', message_id: 2 };
      expect(json(await h.call('POST', '/api/leases', h.cookies.ana, item))).toMatchObject({
        lease: { reviewer: 'ana' },
      });
      const held = json(await h.call('POST', '/api/leases', h.cookies.bob, item), 409);
      expect(held).toMatchObject({ error: 'LEASE_HELD', holder: { reviewer: 'ana' } });
      const queueOf = async (who: string) =>
        json<Page>(await h.call('GET', '/api/queue/messages?sort=risk', who)).items.map(key);
      expect(await queueOf(h.cookies.bob)).not.toContain('1001/2');
      expect(await queueOf(h.cookies.ana)).toContain('1001/2');
      json(await h.call('POST', '/api/decisions', h.cookies.bob, { ...item, action: 'reject' }), 409);
      h.clock.now = new Date(h.clock.now.getTime() + 11 * 60_000);
      expect(await queueOf(h.cookies.bob)).toContain('1001/2');
      expect(json(await h.call('POST', '/api/leases', h.cookies.bob, item))).toMatchObject({
        lease: { reviewer: 'bob' },
      });
      expect((await h.call('POST', '/api/leases/release', h.cookies.bob, item)).statusCode).toBe(204);
      expect(json(await h.call('POST', '/api/leases', h.cookies.ana, item))).toMatchObject({
        lease: { reviewer: 'ana' },
      });
    });

    it('records confirm and relabel in the append-only audit log; the later supersedes the earlier', async () => {
      h = await openHarness(open);
      const item = { kind: 'message', channel_id: '1001', message_id: 2 };
      const first = json<{ decision: Record<string, unknown> }>(
        await h.call('POST', '/api/decisions', h.cookies.ana, { ...item, action: 'confirm' }),
        201,
      ).decision;
      expect(first).toMatchObject({
        action: 'confirm',
        labels: ['fraud'],
        model_labels: ['fraud'],
        reviewer: 'ana',
        decided_at: '2025-06-01T12:00:00.000Z',
      });
      h.clock.now = new Date('2025-06-01T12:05:00.000Z');
      const second = json<{ decision: Record<string, unknown> }>(
        await h.call('POST', '/api/decisions', h.cookies.bob, {
          ...item,
          action: 'relabel',
          labels: ['drugs', 'fraud'],
          note: 'sells too',
        }),
        201,
      ).decision;
      expect(second).toMatchObject({
        labels: ['fraud', 'drugs'],
        supersedes: first.id,
        reviewer: 'bob',
        note: 'sells too',
      });
      const log = json<Page>(await h.call('GET', '/api/decisions', h.cookies.aud));
      expect(log.items.map((d) => [d.id, d.superseded_by])).toEqual([
        [second.id, null],
        [first.id, second.id],
      ]);
      const mine = json<Page>(await h.call('GET', '/api/decisions?reviewer=ana', h.cookies.ana));
      expect(mine.items.map((d) => d.id)).toEqual([first.id]);
      const ofItem = json<Page>(await h.call('GET', '/api/decisions?channel=1001&message=2', h.cookies.ana));
      expect(ofItem.items).toHaveLength(2);
      expect(json(await h.call('GET', '/api/messages/1001/2', h.cookies.ana))).toMatchObject({
        state: 'relabelled',
      });
      for (const bad of [
        { ...item, action: 'relabel' },
        { ...item, action: 'confirm', labels: ['fraud'] },
      ]) {
        expect(json(await h.call('POST', '/api/decisions', h.cookies.ana, bad), 400)).toMatchObject({
          error: 'BAD_DECISION',
        });
      }
      const channel = json<{ decision: Record<string, unknown> }>(
        await h.call('POST', '/api/decisions', h.cookies.ana, {
          kind: 'channel',
          channel_id: '1002',
          action: 'confirm',
        }),
        201,
      ).decision;
      expect(channel).toMatchObject({ kind: 'channel', message_id: null, labels: ['drugs'] });
    });

    it('draws an audit sample, shows its items blind, and exports its design for tgrisk estimate', async () => {
      h = await openHarness(open);
      // Flagged shares: 1001 0.4, 1002 and 1003 1/3.
      const request = {
        kind: 'channel',
        seed: 42,
        strata: [
          { name: 'low', min: 0, max: 0.35, size: 5 },
          { name: 'high', min: 0.35, max: 1, size: 5 },
        ],
      };
      const { sample } = json<{ sample: Record<string, unknown> }>(
        await h.call('POST', '/api/samples', h.cookies.aud, request),
        201,
      );
      expect(sample).toMatchObject({
        seed: 42,
        size: 3,
        strata: [
          { population: 2, drawn: 2 },
          { population: 1, drawn: 1 },
        ],
      });
      const again = json<{ sample: { id: number } }>(
        await h.call('POST', '/api/samples', h.cookies.aud, request),
        201,
      );
      const items = async (id: unknown) =>
        json<{ items: Array<Record<string, unknown>> }>(
          await h.call('GET', `/api/samples/${String(id)}`, h.cookies.ana),
        ).items;
      expect((await items(again.sample.id)).map((i) => i.channel_id)).toEqual(
        (await items(sample.id)).map((i) => i.channel_id),
      );
      const blind = json(await h.call('GET', `/api/samples/${String(sample.id)}/items/0`, h.cookies.ana));
      const text = JSON.stringify(blind);
      for (const leak of ['"scores"', '"labels"', '"evidence"', '"violates"', '"uncertain"', '"stratum"'])
        expect(text).not.toContain(leak);
      expect((blind.messages as unknown[]).length).toBeGreaterThan(0);
      const design = () => h.call('GET', `/api/samples/${String(sample.id)}/design`, h.cookies.aud);
      expect(json(await design(), 409)).toMatchObject({ error: 'SAMPLE_INCOMPLETE' });
      for (const item of await items(sample.id)) {
        const decide = { kind: 'channel', channel_id: item.channel_id, sample_id: sample.id };
        expect(
          json(await h.call('POST', '/api/decisions', h.cookies.ana, { ...decide, action: 'confirm' }), 400),
        ).toMatchObject({ error: 'BAD_DECISION' });
        const labels = item.channel_id === '1003' ? [] : ['fraud'];
        json(
          await h.call('POST', '/api/decisions', h.cookies.aud, { ...decide, action: 'relabel', labels }),
          201,
        );
      }
      const strata = json(await design());
      expect(schemaIssues('review-strata.v1', strata)).toEqual([]);
      expect(strata).toMatchObject({
        schema: 'review-strata.v1',
        strata: [
          { population: 2, sample: 2, violating: 1 },
          { population: 1, sample: 1, violating: 1 },
        ],
      });
      const gold = (
        await h.call('GET', `/api/export/channel-gold?sample=${String(sample.id)}`, h.cookies.aud)
      ).body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(gold).toHaveLength(3);
      expect(gold.every((g) => isValid('channel-gold.v1', g))).toBe(true);
      expect(gold.find((g) => g.channel_id === '1003')).toMatchObject({ violating: false, labels: [] });
      const outside = {
        kind: 'channel',
        channel_id: '1001',
        sample_id: again.sample.id + 100,
        action: 'relabel',
        labels: [],
      };
      expect((await h.call('POST', '/api/decisions', h.cookies.ana, outside)).statusCode).toBe(400);
    });

    it('exports the latest decision per message as eval-example.v1 lines', async () => {
      h = await openHarness(open);
      const item = { kind: 'message', channel_id: '1002', message_id: 2 };
      json(await h.call('POST', '/api/decisions', h.cookies.ana, { ...item, action: 'reject' }), 201);
      json(
        await h.call('POST', '/api/decisions', h.cookies.ana, {
          ...item,
          action: 'relabel',
          labels: ['drugs'],
        }),
        201,
      );
      json(
        await h.call('POST', '/api/decisions', h.cookies.ana, {
          kind: 'message',
          channel_id: '1001',
          message_id: 5,
          action: 'confirm',
        }),
        201,
      );
      const response = await h.call('GET', '/api/export/eval-set', h.cookies.aud);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('application/x-ndjson');
      const lines = response.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.every((l) => isValid('eval-example.v1', l))).toBe(true);
      expect(lines).toEqual([
        expect.objectContaining({
          id: '1002/2',
          text: 'restock landed, smells loud',
          labels: ['drugs'],
          channel_id: '1002',
        }),
        expect.objectContaining({ id: '1001/5', labels: ['fraud'], lang: 'es' }),
      ]);
    });
  });
}
