/**
 * A synchronous state machine over stream-json tokens that finds the chats and messages of a
 * Telegram Desktop export without holding more than one message in memory. It knows the two
 * layouts: a single-chat export (`{name, type, id, messages: [...]}`) and a full account export
 * (`{chats: {list: [chat, ...]}, left_chats: {list: [...]}, ...}`). Everything else in the file
 * (contacts, sessions, profile pictures, ...) is skipped token by token, never assembled.
 */
import { PoisonRecordError } from '@tg-risk/core';
import Assembler from 'stream-json/assembler.js';
import type { Token } from 'stream-json/parser.js';

/** Where a chat was found: the top level of a single-chat export, or one of the account lists. */
export type ChatSection = 'single' | 'chats' | 'left_chats';

/** What the walker has learned about one chat so far. */
export interface WalkedChat {
  section: ChatSection;
  /** 0-based position in `chats.list` / `left_chats.list`; 0 for a single-chat export. */
  position: number;
  /** The chat entry itself was not an object: its shape, else null. */
  entryShape: string | null;
  /** Raw `id`: the tokenizer's digits for positive integers (no precision loss), else the value. */
  id: unknown;
  /** Shape of the raw `id` ("a number (12)", "an object", ...) for error messages; null until seen. */
  idShape: string | null;
  /** True when `id` appeared only after `messages`, too late to label the messages. */
  idAfterMessages: boolean;
  name: unknown;
  type: unknown;
  /** 'none' before `messages`; 'read' or 'skipped' once its array started. */
  messages: 'none' | 'read' | 'skipped';
  /** `messages` was not an array: its shape, else null. */
  messagesShape: string | null;
  /** Elements seen in `messages`, including skipped ones. */
  messageCount: number;
}

/** Callbacks of the walker; all synchronous so the walker never buffers. */
export interface WalkerHandlers {
  /** The `messages` array of `chat` starts; return false to skip (but still count) its elements. */
  messagesStart(chat: WalkedChat): boolean;
  /** One complete element of a read `messages` array, assembled into a plain value. */
  message(chat: WalkedChat, index: number, raw: unknown): void;
  /** The chat object (or non-object chat entry) is over. */
  chatEnd(chat: WalkedChat): void;
}

type Role = 'root' | 'section' | 'list' | 'chat' | 'messages';

interface Frame {
  role: Role;
  key: string | null;
  count: number;
  chat: WalkedChat | null;
  section: ChatSection;
  read: boolean;
}

const MAX_KEYS_REMEMBERED = 12;

function newChat(section: ChatSection, position: number): WalkedChat {
  return {
    section,
    position,
    entryShape: null,
    id: undefined,
    idShape: null,
    idAfterMessages: false,
    name: undefined,
    type: undefined,
    messages: 'none',
    messagesShape: null,
    messageCount: 0,
  };
}

function isStart(token: Token): boolean {
  return token.name === 'startObject' || token.name === 'startArray';
}

/** A scalar token's value as JSON.parse would give it; undefined for containers. */
function scalarOf(token: Token): unknown {
  switch (token.name) {
    case 'stringValue':
      return token.value;
    case 'numberValue':
      return Number(token.value);
    case 'nullValue':
      return null;
    case 'trueValue':
      return true;
    case 'falseValue':
      return false;
    default:
      return undefined;
  }
}

/** "an object", "a string \"x\"", ...: the shape of the value a token starts. */
export function tokenShape(token: Token): string {
  if (token.name === 'startObject') return 'an object';
  if (token.name === 'startArray') return 'an array';
  const value = scalarOf(token);
  if (value === null) return 'null';
  return typeof value === 'string'
    ? `a string ${JSON.stringify(value.slice(0, 40))}`
    : `a ${typeof value} (${String(value)})`;
}

/** Walks the tokens of one export file; feed every token to `push` in order. */
export class ExportWalker {
  /** Set by the first top-level `messages` (single chat) or `chats`/`left_chats` (account) key. */
  layout: 'single_chat' | 'account' | null = null;
  /** The first few top-level keys, to say what a non-export file looked like. */
  readonly topLevelKeys: string[] = [];
  /** True once any JSON value started. */
  started = false;
  /** True once the top-level object closed. */
  complete = false;

  private readonly frames: Frame[] = [];
  private skipDepth = 0;
  private readonly assembler = new Assembler();
  private assembling: { chat: WalkedChat; index: number } | null = null;

  constructor(
    private readonly file: string,
    private readonly handlers: WalkerHandlers,
  ) {}

  /** Consumes one packed token (the tokenizer must run with `streamValues: false`). */
  push(token: Token): void {
    if (this.assembling !== null) {
      this.assembler.consume(token);
      if (this.assembler.done) this.finishMessage();
      return;
    }
    if (this.skipDepth > 0) {
      if (isStart(token)) this.skipDepth += 1;
      else if (token.name === 'endObject' || token.name === 'endArray') this.skipDepth -= 1;
      return;
    }
    const top = this.frames.at(-1);
    if (token.name === 'keyValue') {
      if (top !== undefined) top.key = token.value;
      return;
    }
    if (token.name === 'endObject' || token.name === 'endArray') {
      this.close();
      return;
    }
    if (isStart(token) || scalarOf(token) !== undefined) this.value(token, top);
  }

  private notTelegram(problem: string): PoisonRecordError {
    const message = `${this.file}: not a Telegram Desktop export: ${problem}`;
    return new PoisonRecordError('EXPORT_NOT_TELEGRAM', message, { context: { file: this.file } });
  }

  private skip(token: Token): void {
    if (isStart(token)) this.skipDepth = 1;
  }

  private open(role: Role, chat: WalkedChat | null, section: ChatSection, read = false): void {
    this.frames.push({ role, key: null, count: 0, chat, section, read });
  }

  private value(token: Token, top: Frame | undefined): void {
    if (top === undefined) {
      this.started = true;
      if (this.complete || token.name !== 'startObject') {
        throw this.notTelegram(`the top-level value is ${tokenShape(token)}; expected a single JSON object`);
      }
      this.open('root', newChat('single', 0), 'single');
      return;
    }
    const key = top.key;
    top.key = null;
    const index = top.count++;
    switch (top.role) {
      case 'root':
        if (key !== null && this.topLevelKeys.length < MAX_KEYS_REMEMBERED) this.topLevelKeys.push(key);
        if (key === 'chats' || key === 'left_chats') return this.section(token, key);
        return this.chatField(top, key, token);
      case 'section':
        if (key !== 'list') return this.skip(token);
        if (token.name !== 'startArray') {
          throw this.notTelegram(`"${top.section}.list" is ${tokenShape(token)}; expected an array of chats`);
        }
        return this.open('list', null, top.section);
      case 'list': {
        const chat = newChat(top.section, index);
        if (token.name === 'startObject') return this.open('chat', chat, top.section);
        chat.entryShape = tokenShape(token);
        this.skip(token);
        return this.handlers.chatEnd(chat);
      }
      case 'chat':
        return this.chatField(top, key, token);
      case 'messages':
        if (top.chat === null) return this.skip(token);
        top.chat.messageCount += 1;
        if (!top.read) return this.skip(token);
        this.assembling = { chat: top.chat, index };
        this.assembler.consume(token);
        // A scalar element is complete at once; an object or array completes on its closing token.
        if (this.assembler.done) this.finishMessage();
    }
  }

  private section(token: Token, key: 'chats' | 'left_chats'): void {
    this.layout ??= 'account';
    if (token.name !== 'startObject') {
      throw this.notTelegram(`"${key}" is ${tokenShape(token)}; expected an object with a "list" of chats`);
    }
    this.open('section', null, key);
  }

  private chatField(top: Frame, key: string | null, token: Token): void {
    const chat = top.chat;
    if (chat === null) return this.skip(token);
    if (key === 'messages') {
      if (top.role === 'root') this.layout ??= 'single_chat';
      if (token.name !== 'startArray') {
        chat.messagesShape = tokenShape(token);
        return this.skip(token);
      }
      const read = this.handlers.messagesStart(chat);
      chat.messages = read ? 'read' : 'skipped';
      return this.open('messages', chat, top.section, read);
    }
    if (key === 'id') {
      // Keep positive integers as the tokenizer's digits: Number() would round ids beyond 2^53.
      chat.id =
        token.name === 'numberValue' && /^[1-9][0-9]*$/.test(token.value) ? token.value : scalarOf(token);
      chat.idShape = tokenShape(token);
      chat.idAfterMessages = chat.messages !== 'none';
    } else if (key === 'name') {
      chat.name = scalarOf(token);
    } else if (key === 'type') {
      chat.type = scalarOf(token);
    }
    this.skip(token);
  }

  private close(): void {
    const frame = this.frames.pop();
    if (frame === undefined) return;
    if (frame.role === 'chat' && frame.chat !== null) this.handlers.chatEnd(frame.chat);
    if (frame.role === 'root') {
      this.complete = true;
      const chat = frame.chat;
      // The top level is a chat only in a single-chat export, i.e. when it had `messages`.
      if (chat !== null && (chat.messages !== 'none' || chat.messagesShape !== null)) {
        this.handlers.chatEnd(chat);
      }
    }
  }

  private finishMessage(): void {
    const at = this.assembling;
    this.assembling = null;
    if (at !== null) this.handlers.message(at.chat, at.index, this.assembler.current);
  }
}
