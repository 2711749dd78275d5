/**
 * A Telegram server double for tests: a GramjsTransport that answers the TL requests live ingestion
 * sends (contacts.ResolveUsername, channels.GetFullChannel, messages.GetHistory, channels.GetMessages)
 * with real gramjs `Api` objects, and fails them the way gramjs does (errors.RPCMessageToError on an
 * `Api.RpcError`, so FLOOD_WAIT_X arrives as a real `errors.FloodWaitError`). GetHistory follows the
 * paging rules of https://core.telegram.org/api/offsets. There is no network.
 */
import { Api, errors } from 'telegram';
import { returnBigInt } from 'telegram/Helpers.js';
import type { GramjsTransport } from '../gramjs/transport.ts';

/** A channel on the fake server. */
export interface FakeChannelSpec {
  id: string;
  accessHash?: string;
  username: string;
  title: string;
  about?: string;
  participantsCount?: number;
  verified?: boolean;
  scam?: boolean;
  fake?: boolean;
  megagroup?: boolean;
  linkedChatId?: string;
  /** "private": history and metadata answer CHANNEL_PRIVATE; "forbidden": resolves to ChannelForbidden. */
  access?: 'public' | 'private' | 'forbidden';
}

interface FakeChannel {
  spec: FakeChannelSpec;
  chat: Api.Channel;
  messages: Map<number, Api.Message | Api.MessageService>;
  nextId: number;
}

/** Message fields a test sets; id and date get defaults. */
export type FakeMessageFields = Partial<
  Omit<ConstructorParameters<typeof Api.Message>[0], 'id' | 'peerId'>
> & {
  id?: number;
};

interface Failure {
  className: string;
  errorMessage: string;
  code: number;
  times: number;
  /** Requests of the class to let through first. */
  after: number;
}

/** When and how often a request fails. */
export interface FailureOptions {
  /** How many requests fail (default 1). */
  times?: number;
  /** Telegram's error code (default 400; FLOOD_WAIT is 420). */
  code?: number;
  /** Requests of that class answered normally before the first failure (default 0). */
  after?: number;
}

/** The fake server. Every request is recorded in `requests`. */
export class FakeTelegram implements GramjsTransport {
  readonly requests: Api.AnyRequest[] = [];
  /** Chats (forward origins) and users the server knows besides the channels. */
  readonly otherChats: Api.TypeChat[] = [];
  readonly users: Api.User[] = [];
  private readonly channels = new Map<string, FakeChannel>();
  private readonly failures: Failure[] = [];
  private readonly handlers = new Set<(update: Api.TypeUpdate) => void>();
  private clock = 1_700_000_000;

  /** Adds a channel; returns its Api.Channel. */
  addChannel(spec: FakeChannelSpec): Api.Channel {
    const chat = new Api.Channel({
      id: returnBigInt(spec.id),
      accessHash: returnBigInt(spec.accessHash ?? `${spec.id}99`),
      title: spec.title,
      username: spec.username,
      photo: new Api.ChatPhotoEmpty(),
      date: this.clock,
      broadcast: spec.megagroup !== true,
      megagroup: spec.megagroup === true,
      verified: spec.verified === true,
      scam: spec.scam === true,
      fake: spec.fake === true,
      participantsCount: spec.participantsCount,
    });
    this.channels.set(spec.id, { spec, chat, messages: new Map(), nextId: 1 });
    return chat;
  }

  /** Posts a message (ids count up from 1 unless given); returns it. */
  post(channelId: string, fields: FakeMessageFields = {}): Api.Message {
    const channel = this.channel(channelId);
    const id = fields.id ?? channel.nextId;
    channel.nextId = Math.max(channel.nextId, id + 1);
    this.clock += 60;
    const message = new Api.Message({
      date: this.clock,
      message: `message ${id}`,
      ...fields,
      id,
      peerId: new Api.PeerChannel({ channelId: returnBigInt(channelId) }),
    });
    channel.messages.set(id, message);
    return message;
  }

  /** Posts `count` plain messages. */
  postMany(channelId: string, count: number): void {
    for (let i = 0; i < count; i++) this.post(channelId);
  }

  /** Adds a service message (a pin, a join): it takes an id but carries no content. */
  postService(channelId: string): void {
    const channel = this.channel(channelId);
    const id = channel.nextId++;
    channel.messages.set(
      id,
      new Api.MessageService({
        id,
        date: (this.clock += 60),
        peerId: new Api.PeerChannel({ channelId: returnBigInt(channelId) }),
        action: new Api.MessageActionPinMessage(),
      }),
    );
  }

  /** Edits a message: new text and an edit date; returns the new version. */
  edit(channelId: string, id: number, text: string): Api.Message {
    const old = this.channel(channelId).messages.get(id);
    if (!(old instanceof Api.Message)) throw new Error(`no message ${id} in ${channelId}`);
    this.clock += 60;
    const edited = new Api.Message({ ...old, message: text, editDate: this.clock, id, peerId: old.peerId });
    this.channel(channelId).messages.set(id, edited);
    return edited;
  }

  /** Makes requests of `className` (e.g. "messages.GetHistory") fail with Telegram error `errorMessage`. */
  failNext(className: string, errorMessage: string, options: FailureOptions = {}): void {
    this.failures.push({
      className,
      errorMessage,
      code: options.code ?? 400,
      times: options.times ?? 1,
      after: options.after ?? 0,
    });
  }

  /** Delivers a raw update to the subscribers, as gramjs's update loop would. */
  emit(update: Api.TypeUpdate): void {
    for (const handler of this.handlers) handler(update);
  }

  /** Emits UpdateNewChannelMessage for a message just posted. */
  emitNew(message: Api.Message): void {
    this.emit(new Api.UpdateNewChannelMessage({ message, pts: 1, ptsCount: 1 }));
  }

  /** Emits UpdateEditChannelMessage for a message just edited. */
  emitEdit(message: Api.Message): void {
    this.emit(new Api.UpdateEditChannelMessage({ message, pts: 1, ptsCount: 1 }));
  }

  /** Requests of one TL class, e.g. "messages.GetHistory". */
  requestsOf(className: string): Api.AnyRequest[] {
    return this.requests.filter((r) => r.className === className);
  }

  onUpdate(handler: (update: Api.TypeUpdate) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async invoke<R extends Api.AnyRequest>(request: R): Promise<R['__response']> {
    this.requests.push(request);
    const failure = this.failures.find((f) => f.className === request.className && f.times > 0);
    if (failure && failure.after > 0) failure.after--;
    else if (failure) {
      failure.times--;
      throw errors.RPCMessageToError(
        new Api.RpcError({ errorCode: failure.code, errorMessage: failure.errorMessage }),
        request,
      );
    }
    return this.answer(request) as R['__response'];
  }

  private answer(request: Api.AnyRequest): unknown {
    if (request instanceof Api.contacts.ResolveUsername) return this.resolve(request);
    if (request instanceof Api.channels.GetFullChannel) return this.fullChannel(request);
    if (request instanceof Api.messages.GetHistory) return this.history(request);
    if (request instanceof Api.channels.GetMessages) return this.byIds(request);
    throw new Error(`FakeTelegram does not answer ${request.className}`);
  }

  private rpcError(request: Api.AnyRequest, errorMessage: string, code = 400): Error {
    return errors.RPCMessageToError(new Api.RpcError({ errorCode: code, errorMessage }), request);
  }

  private channel(id: string): FakeChannel {
    const channel = this.channels.get(id);
    if (!channel) throw new Error(`FakeTelegram has no channel ${id}`);
    return channel;
  }

  /** The channel an input peer/channel names, checking the access hash like Telegram does. */
  private addressed(request: Api.AnyRequest, input: unknown): FakeChannel {
    const peer = input as { channelId?: { toString(): string }; accessHash?: { toString(): string } };
    const channel = this.channels.get(peer.channelId?.toString() ?? '');
    if (!channel || channel.chat.accessHash?.toString() !== peer.accessHash?.toString()) {
      throw this.rpcError(request, 'CHANNEL_INVALID');
    }
    if (channel.spec.access === 'private') throw this.rpcError(request, 'CHANNEL_PRIVATE');
    return channel;
  }

  private resolve(request: Api.contacts.ResolveUsername): Api.contacts.ResolvedPeer {
    const name = (request.username ?? '').toLowerCase();
    for (const channel of this.channels.values()) {
      if (channel.spec.username.toLowerCase() !== name) continue;
      const chat =
        channel.spec.access === 'forbidden'
          ? new Api.ChannelForbidden({
              id: channel.chat.id,
              accessHash: channel.chat.accessHash!,
              title: channel.spec.title,
            })
          : channel.chat;
      return new Api.contacts.ResolvedPeer({
        peer: new Api.PeerChannel({ channelId: channel.chat.id }),
        chats: [chat],
        users: [],
      });
    }
    const user = this.users.find((u) => u.username?.toLowerCase() === name);
    if (user)
      return new Api.contacts.ResolvedPeer({
        peer: new Api.PeerUser({ userId: user.id }),
        chats: [],
        users: [user],
      });
    throw this.rpcError(request, 'USERNAME_NOT_OCCUPIED');
  }

  private fullChannel(request: Api.channels.GetFullChannel): Api.messages.ChatFull {
    const channel = this.addressed(request, request.channel);
    const spec = channel.spec;
    const linked = spec.linkedChatId ? this.channels.get(spec.linkedChatId)?.chat : undefined;
    return new Api.messages.ChatFull({
      fullChat: new Api.ChannelFull({
        id: channel.chat.id,
        about: spec.about ?? '',
        participantsCount: spec.participantsCount,
        linkedChatId: spec.linkedChatId ? returnBigInt(spec.linkedChatId) : undefined,
        readInboxMaxId: 0,
        readOutboxMaxId: 0,
        unreadCount: 0,
        chatPhoto: new Api.PhotoEmpty({ id: returnBigInt(0) }),
        notifySettings: new Api.PeerNotifySettings({}),
        botInfo: [],
        pts: 1,
      }),
      chats: linked ? [channel.chat, linked] : [channel.chat],
      users: [],
    });
  }

  /** messages.GetHistory: newest first from the offset, shifted by add_offset, then min/max id. */
  private history(request: Api.messages.GetHistory): Api.messages.ChannelMessages {
    const channel = this.addressed(request, request.peer);
    const all = [...channel.messages.values()].sort((a, b) => b.id - a.id);
    const offsetId = request.offsetId ?? 0;
    const offsetDate = request.offsetDate ?? 0;
    let index = 0;
    if (offsetId > 0) index = all.findIndex((m) => m.id < offsetId);
    else if (offsetDate > 0) index = all.findIndex((m) => m.date < offsetDate);
    if (index < 0) index = all.length;
    const start = index + (request.addOffset ?? 0);
    const end = start + (request.limit ?? 100);
    const slice = all
      .slice(Math.max(0, start), Math.max(0, end))
      .filter((m) => !request.minId || m.id > request.minId)
      .filter((m) => !request.maxId || m.id < request.maxId);
    return this.channelMessages(channel, slice, all.length);
  }

  private byIds(request: Api.channels.GetMessages): Api.messages.ChannelMessages {
    const channel = this.addressed(request, request.channel);
    const found = (request.id ?? []).map((input) => {
      const id = (input as Api.InputMessageID).id;
      return channel.messages.get(id) ?? new Api.MessageEmpty({ id });
    });
    return this.channelMessages(channel, found, channel.messages.size);
  }

  private channelMessages(
    channel: FakeChannel,
    messages: Api.TypeMessage[],
    count: number,
  ): Api.messages.ChannelMessages {
    // Like Telegram, the answer carries the chats and users its messages mention.
    const chats: Api.TypeChat[] = [channel.chat];
    const users: Api.TypeUser[] = [];
    for (const m of messages) {
      if (!(m instanceof Api.Message) || !m.fwdFrom?.fromId) continue;
      const from = m.fwdFrom.fromId;
      if (from instanceof Api.PeerChannel) {
        const id = from.channelId.toString();
        const known = this.channels.get(id)?.chat ?? this.otherChats.find((c) => c.id.toString() === id);
        if (known && !chats.includes(known)) chats.push(known);
      } else if (from instanceof Api.PeerUser) {
        const user = this.users.find((u) => u.id.toString() === from.userId.toString());
        if (user && !users.includes(user)) users.push(user);
      }
    }
    return new Api.messages.ChannelMessages({ pts: 1, count, messages, topics: [], chats, users });
  }
}
