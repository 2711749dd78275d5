/**
 * Live ingestion against FakeTelegram, a server double answering with real gramjs `Api` objects:
 * backfill across pages, restart without gap or repeat, FLOOD_WAIT on a fake clock, edits, live
 * updates, the watchdog, unavailable channels, resolve-once, discovery and discussion groups.
 */
import { Api } from 'telegram';
import { returnBigInt } from 'telegram/Helpers.js';
import { describe, expect, it } from 'vitest';
import { CORRELATION_HEADER, silentLogger, type IngestStateStore, type MessageSink } from '@tg-risk/core';
import { parseChannelList } from './channel-list.ts';
import { createGramjsTelegramPort } from './gramjs/telegram-port.ts';
import { DEFAULT_LIVE_OPTIONS, LiveIngest, type LiveIngestOptions } from './live-ingest.ts';
import { createFakeClock, type FakeClock } from './testing/fake-clock.ts';
import { FakeTelegram } from './testing/fake-telegram.ts';
import { createMemoryIngestState } from './testing/memory-ingest-state.ts';
import { createMemorySink, type MemorySink } from './testing/memory-sink.ts';

const TOPICS = { messages: 'tgrisk.messages.v1', deadLetters: 'tgrisk.dead-letter.v1' };

interface Harness {
  fake: FakeTelegram;
  state: IngestStateStore;
  sink: MemorySink;
  clock: FakeClock;
  ingest(options?: Partial<LiveIngestOptions>, sink?: MessageSink): LiveIngest;
}

function harness(): Harness {
  const fake = new FakeTelegram();
  const state = createMemoryIngestState();
  const sink = createMemorySink();
  const clock = createFakeClock();
  return {
    fake,
    state,
    sink,
    clock,
    ingest: (options = {}, to = sink) =>
      new LiveIngest(
        {
          port: createGramjsTelegramPort(fake),
          state,
          sink: to,
          topics: TOPICS,
          logger: silentLogger(),
          clock,
          random: () => 0.5,
        },
        {
          ...DEFAULT_LIVE_OPTIONS,
          follow: false,
          scope: { since: null, limit: null },
          flood: { maxWaitSeconds: 900, minIntervalMs: 0, maxAttempts: 3 },
          ...options,
        },
      ),
  };
}

const list = (text: string) => parseChannelList(text, 'channels.txt');
const ids = (sink: MemorySink) => sink.messages().map((m) => m.message_id);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('backfill', () => {
  it('pages oldest first across page boundaries, skipping service messages, to the newest message', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.postMany('1001', 120);
    h.fake.postService('1001');
    h.fake.postMany('1001', 129);
    const report = await h.ingest({ pageSize: 100 }).run(list('# shops\nhttps://t.me/ShopChan\n'));
    expect(ids(h.sink)).toEqual([...range(1, 120), ...range(122, 250)]);
    expect(report.counts.pages).toBe(3);
    expect((await h.state.checkpoint('1001'))?.lastMessageId).toBe(250);
    expect(report.channels).toEqual([
      { channel: '@shopchan', channelId: '1001', status: 'followed', origin: 'list', depth: 0 },
    ]);
    const first = h.sink.messages()[0]!;
    expect(first).toMatchObject({ channel_id: '1001', channel_username: 'shopchan', channel_title: 'Shop' });
    expect(first.source).toEqual({ kind: 'telegram_live' });
    // Same path as export ingestion: the messages topic, keyed by channel id, each with its own
    // correlation id so it can be followed to its label.
    expect(h.sink.sent.every((r) => r.key === '1001')).toBe(true);
    const correlationIds = h.sink.sent.map((r) => r.headers?.[CORRELATION_HEADER]);
    expect(correlationIds.every((id) => typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(new Set(correlationIds).size).toBe(h.sink.sent.length);
  });

  it('starts below the N-th newest message with --limit and after --since', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.postMany('1001', 50);
    await h.ingest({ scope: { since: null, limit: 10 } }).run(list('shopchan'));
    expect(ids(h.sink)).toEqual(range(41, 50));

    const h2 = harness();
    h2.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h2.fake.postMany('1001', 50); // posted one minute apart from 1_700_000_060
    const since = new Date((1_700_000_000 + 45 * 60) * 1000);
    await h2.ingest({ scope: { since, limit: null } }).run(list('shopchan'));
    expect(ids(h2.sink)).toEqual(range(45, 50));
  });

  it('resumes after a crash in the middle without gap or repeat', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.postMany('1001', 250);
    let sends = 0;
    const failing: MessageSink = {
      async send(records) {
        if (++sends >= 3) throw new Error('broker went away');
        await h.sink.send(records);
      },
      async close() {},
    };
    const first = await h.ingest({ pageSize: 100 }, failing).run(list('shopchan'));
    expect(first.channels[0]?.status).toBe('failed');
    expect((await h.state.checkpoint('1001'))?.lastMessageId).toBe(200);
    h.fake.postMany('1001', 5);
    await h.ingest({ pageSize: 100 }).run(list('shopchan'));
    expect(ids(h.sink)).toEqual(range(1, 255));
  });
});

describe('FLOOD_WAIT', () => {
  it('waits the seconds Telegram asks for plus jitter, counts it, then goes on', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.postMany('1001', 30);
    h.fake.failNext('messages.GetHistory', 'FLOOD_WAIT_30', { code: 420 });
    const ingest = h.ingest();
    await ingest.run(list('shopchan'));
    // random() = 0.5; jitter ceiling max(1 s, 30 s / 10) = 3 s → 1.5 s.
    expect(h.clock.sleeps).toEqual([31_500]);
    expect(ingest.metrics.counts).toMatchObject({ floodWaits: 1, floodWaitSeconds: 30 });
    expect(ids(h.sink)).toEqual(range(1, 30));
  });

  it('does not sit out a wait beyond --max-flood-wait, and does not ask again meanwhile', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.addChannel({ id: '1002', username: 'otherchan', title: 'Other' });
    h.fake.postMany('1002', 3);
    h.fake.failNext('contacts.ResolveUsername', 'FLOOD_WAIT_7200', { code: 420 });
    const report = await h.ingest().run(list('shopchan\notherchan'));
    expect(report.channels.map((c) => [c.channel, c.status])).toEqual([
      ['@shopchan', 'flood_wait'],
      ['@otherchan', 'flood_wait'],
    ]);
    expect(h.fake.requestsOf('contacts.ResolveUsername')).toHaveLength(1);
    expect(h.clock.sleeps).toEqual([]);
  });
});

describe('channels that cannot be followed', () => {
  it('reports unresolvable, private, banned and non-channel names and goes on with the rest', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.addChannel({ id: '1003', username: 'closedchan', title: 'Closed', access: 'private' });
    h.fake.addChannel({ id: '1004', username: 'bannedchan', title: 'Banned', access: 'forbidden' });
    h.fake.users.push(new Api.User({ id: returnBigInt(9), username: 'someperson', firstName: 'P' }));
    h.fake.postMany('1001', 3);
    const report = await h.ingest().run(list('nosuchchan\nclosedchan\nbannedchan\nsomeperson\nshopchan'));
    expect(report.channels.map((c) => [c.channel, c.status])).toEqual([
      ['@nosuchchan', 'not_found'],
      ['@closedchan', 'private'],
      ['@bannedchan', 'banned'],
      ['@someperson', 'not_a_channel'],
      ['@shopchan', 'followed'],
    ]);
    expect(report.channels[0]?.detail).toContain('USERNAME_NOT_OCCUPIED');
    expect(ids(h.sink)).toEqual([1, 2, 3]);
    expect(report.counts.channelsSkipped).toBe(4);
  });

  it('fails one channel whose setup errors unexpectedly, and goes on with the others', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.addChannel({ id: '1002', username: 'otherchan', title: 'Other' });
    h.fake.post('1002');
    h.fake.failNext('channels.GetFullChannel', 'CHANNEL_TOO_BIG');
    const report = await h.ingest().run(list('shopchan\notherchan'));
    expect(report.channels.map((c) => [c.channel, c.status, c.detail ?? ''])).toEqual([
      ['@shopchan', 'failed', 'channels.GetFullChannel for @shopchan failed: CHANNEL_TOO_BIG'],
      ['@otherchan', 'followed', ''],
    ]);
    expect(ids(h.sink)).toEqual([1]);
  });

  it('stops the run on a session Telegram no longer accepts', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.failNext('contacts.ResolveUsername', 'AUTH_KEY_UNREGISTERED', { code: 401 });
    await expect(h.ingest().run(list('shopchan'))).rejects.toThrow(/run `tgrisk login` again/);
  });

  it('resolves each username once, ever: a restart asks the store, not Telegram', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    await h.ingest().run(list('shopchan\nnosuchchan'));
    await h.ingest().run(list('ShopChan\nnosuchchan'));
    expect(h.fake.requestsOf('contacts.ResolveUsername')).toHaveLength(2);
    expect(await h.state.resolved('shopchan')).toMatchObject({ channelId: '1001', accessHash: '100199' });
  });

  it('reports a renamed channel and skips it', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    await h.ingest().run(list('shopchan'));
    h.fake.addChannel({ id: '1001', username: 'newshop', title: 'Shop' });
    const report = await h.ingest({ refreshMetadataMs: 0 }).run(list('shopchan'));
    expect(report.channels[0]).toMatchObject({ status: 'renamed' });
    expect(report.channels[0]?.detail).toContain('@newshop');
  });

  it('stops following a channel that turns private, the others go on', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.addChannel({ id: '1002', username: 'otherchan', title: 'Other' });
    const ingest = h.ingest({ follow: true });
    await ingest.start(list('shopchan\notherchan'));
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop', access: 'private' });
    h.fake.post('1002');
    await ingest.sweep();
    await ingest.stop();
    expect(ingest.report().channels.map((c) => c.status)).toEqual(['private', 'followed']);
    expect(ids(h.sink)).toEqual([1]);
  });
});

describe('following', () => {
  it('publishes a new message on its live update, and an edit with its edit date, once', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.postMany('1001', 2);
    const ingest = h.ingest({ follow: true });
    await ingest.start(list('shopchan'));
    h.fake.emitNew(h.fake.post('1001', { message: 'new lot' }));
    await ingest.idle();
    const edited = h.fake.edit('1001', 2, 'price changed');
    h.fake.emitEdit(edited);
    h.fake.emitEdit(edited);
    await ingest.idle();
    await ingest.sweep();
    await ingest.stop();
    const messages = h.sink.messages();
    expect(messages.map((m) => [m.message_id, m.text])).toEqual([
      [1, 'message 1'],
      [2, 'message 2'],
      [3, 'new lot'],
      [2, 'price changed'],
    ]);
    expect(messages[3]?.edit_date).toBe(new Date(edited.editDate! * 1000).toISOString().replace('.000', ''));
    expect(ingest.metrics.counts).toMatchObject({ editsPublished: 1, updates: 3 });
  });

  it('the watchdog fills a gap the update stream left and notices edits without updates', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.postMany('1001', 3);
    const ingest = h.ingest({ follow: true, recentWindow: 20 });
    await ingest.start(list('shopchan'));
    h.fake.postMany('1001', 2); // no updates: the stream stalled
    h.fake.edit('1001', 1, 'edited quietly');
    await ingest.sweep();
    await ingest.sweep();
    await ingest.stop();
    expect(h.sink.messages().map((m) => m.message_id)).toEqual([1, 2, 3, 4, 5, 1]);
    expect(ingest.metrics.counts).toMatchObject({
      watchdogGapMessages: 2,
      editsPublished: 1,
      watchdogSweeps: 2,
    });
  });

  it('a restarted process does not publish an edit it already published', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.postMany('1001', 3);
    await h.ingest().run(list('shopchan'));
    h.fake.edit('1001', 2, 'v2');
    for (let run = 0; run < 2; run++) {
      const ingest = h.ingest({ follow: true });
      await ingest.start(list('shopchan'));
      await ingest.sweep();
      await ingest.stop();
    }
    expect(h.sink.messages().map((m) => [m.message_id, m.text])).toEqual([
      [1, 'message 1'],
      [2, 'message 2'],
      [3, 'message 3'],
      [2, 'v2'],
    ]);
  });
});

describe('channel records, discussion groups, discovery, shards', () => {
  it('stores a channel.v1 record with Telegram flags, and follows the linked discussion group', async () => {
    const h = harness();
    h.fake.addChannel({
      id: '1001',
      username: 'shopchan',
      title: 'Shop',
      about: 'best prices',
      participantsCount: 5000,
      scam: true,
      linkedChatId: '2001',
    });
    h.fake.addChannel({
      id: '2001',
      username: 'shopchat',
      title: 'Shop chat',
      megagroup: true,
      linkedChatId: '1001',
    });
    h.fake.post('1001', { message: 'post' });
    h.fake.post('2001', {
      message: 'post',
      fwdFrom: new Api.MessageFwdHeader({
        fromId: new Api.PeerChannel({ channelId: returnBigInt(1001) }),
        date: 1,
        channelPost: 1,
      }),
    });
    h.fake.post('2001', { message: 'how much?', replyTo: new Api.MessageReplyHeader({ replyToMsgId: 1 }) });
    const report = await h.ingest({ discussions: true }).run(list('shopchan'));
    expect((await h.state.channelRecord('1001'))?.record).toMatchObject({
      schema: 'channel.v1',
      channel_id: '1001',
      username: 'shopchan',
      about: 'best prices',
      participants_count: 5000,
      kind: 'broadcast',
      verified: false,
      scam: true,
      fake: false,
      linked_chat_id: '2001',
      discussion_of: null,
    });
    expect((await h.state.channelRecord('2001'))?.record).toMatchObject({
      kind: 'megagroup',
      discussion_of: '1001',
    });
    expect(report.channels.map((c) => [c.channel, c.origin])).toEqual([
      ['@shopchan', 'list'],
      ['@shopchat', 'discussion'],
    ]);
    const comment = h.sink.messages().find((m) => m.text === 'how much?');
    expect(comment).toMatchObject({ channel_id: '2001', reply_to: { message_id: 1 } });
  });

  it('records forward origins and t.me links, and follows the top discovered channels within the limits', async () => {
    const h = harness();
    h.fake.addChannel({ id: '1001', username: 'shopchan', title: 'Shop' });
    h.fake.addChannel({ id: '1002', username: 'depotchan', title: 'Depot' });
    h.fake.addChannel({ id: '1003', username: 'supplierchan', title: 'Supplier' });
    h.fake.addChannel({ id: '1004', username: 'deepchan', title: 'Deep' });
    const fwd = (from: string) =>
      new Api.MessageFwdHeader({
        fromId: new Api.PeerChannel({ channelId: returnBigInt(from) }),
        date: 1,
        channelPost: 5,
      });
    h.fake.post('1001', { fwdFrom: fwd('1003') });
    h.fake.post('1002', { message: 'restock at https://t.me/supplierchan/12 and t.me/joinchat/AAAA' });
    h.fake.post('1002', { message: 'also t.me/s/sidechan' });
    h.fake.post('1003', { message: 'see t.me/deepchan' });
    await h.ingest({ discovery: { maxDepth: 1, maxCount: 1 } }).run(list('shopchan\ndepotchan'));
    const report = await h.state.followed();
    expect(report.map((f) => [f.username, f.origin, f.depth])).toEqual([
      ['shopchan', 'list', 0],
      ['depotchan', 'list', 0],
      ['supplierchan', 'discovered', 1],
    ]);
    // Depth 1 only: deepchan (referenced by the discovered channel) is not followed.
    expect(h.sink.messages().some((m) => m.channel_id === '1004')).toBe(false);
  });

  it('follows only the channels of its shard', async () => {
    const h = harness();
    const names = ['alphachan', 'betachan', 'gammachan', 'deltachan'];
    names.forEach((username, i) => h.fake.addChannel({ id: String(1001 + i), username, title: username }));
    const followed: string[][] = [];
    for (const index of [0, 1]) {
      const report = await h.ingest({ shard: { index, count: 2 } }).run(list(names.join('\n')));
      followed.push(report.channels.map((c) => c.channel));
    }
    expect(followed.flat().sort()).toEqual(names.map((n) => `@${n}`).sort());
    expect(followed[0]!.filter((c) => followed[1]!.includes(c))).toEqual([]);
  });
});
