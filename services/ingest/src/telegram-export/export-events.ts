/**
 * Turns what the walker finds into reader events and keeps the per-chat counts: each message is
 * normalised (or reported bad), service messages are counted and dropped, and a chat that cannot
 * be imported (no usable id, id after its messages, wrong shape) is reported once, at its end.
 */
import { PoisonRecordError } from '@tg-risk/core';
import type { MessageV1 } from '@tg-risk/schemas';
import { isRecord } from './export-errors.ts';
import { chatIdString } from './export-fields.ts';
import type { ChatSection, WalkedChat, WalkerHandlers } from './export-walker.ts';
import { exportMessageToMessageV1 } from './normalise-export-message.ts';

/** Counts for one chat of an export. */
export interface ChatSummary {
  section: ChatSection;
  /** 0-based position in `chats.list` / `left_chats.list`; 0 for a single-chat export. */
  position: number;
  chatId: string | null;
  title: string | null;
  type: string | null;
  /** Records produced. */
  messages: number;
  /** `type: "service"` entries (joins, pins, title changes, ...), which carry no content. */
  serviceSkipped: number;
  /** Messages rejected one by one. */
  bad: number;
  /** Messages not read because the whole chat was rejected. */
  skipped: number;
  /** Error code when the whole chat was rejected, else null. */
  error: string | null;
}

/** Counts for a whole export file; complete once the reader has been iterated to the end. */
export interface ExportSummary {
  file: string;
  layout: 'single_chat' | 'account' | null;
  chats: ChatSummary[];
  totals: {
    chats: number;
    messages: number;
    serviceSkipped: number;
    bad: number;
    badChats: number;
    skipped: number;
  };
}

/** What the reader yields: a record, a rejected message, or a rejected chat. */
export type ExportEvent =
  | { kind: 'message'; record: MessageV1 }
  | { kind: 'bad'; error: PoisonRecordError; index: number; chatId: string; raw: unknown }
  | { kind: 'bad_chat'; error: PoisonRecordError; chat: ChatSummary };

/** An empty summary for `file`. */
export function emptySummary(file: string): ExportSummary {
  return {
    file,
    layout: null,
    chats: [],
    totals: { chats: 0, messages: 0, serviceSkipped: 0, bad: 0, badChats: 0, skipped: 0 },
  };
}

function chatLabel(chat: WalkedChat): string {
  const where = chat.section === 'single' ? 'chat' : `${chat.section}.list[${chat.position}]`;
  return typeof chat.name === 'string' ? `${where} ${JSON.stringify(chat.name)}` : where;
}

/** Walker handlers that queue events into `out` and count into `summary`. */
export class ExportEventCollector implements WalkerHandlers {
  /** The last message element read, for syntax errors ("after message #N"). */
  last: { index: number; chatId: string | null } | null = null;
  private readonly open = new Map<WalkedChat, ChatSummary>();

  constructor(
    private readonly file: string,
    private readonly summary: ExportSummary,
    private readonly out: ExportEvent[],
  ) {}

  messagesStart(chat: WalkedChat): boolean {
    const chatId = chatIdString(chat.id);
    // Without an id the records cannot be labelled; the chat is reported at its end.
    if (chatId === null) return false;
    this.summaryOf(chat).chatId = chatId;
    return true;
  }

  message(chat: WalkedChat, index: number, raw: unknown): void {
    const counts = this.summaryOf(chat);
    this.last = { index, chatId: counts.chatId };
    if (isRecord(raw) && raw.type === 'service') {
      counts.serviceSkipped += 1;
      this.summary.totals.serviceSkipped += 1;
      return;
    }
    try {
      const record = exportMessageToMessageV1(raw, chat, { file: this.file, index });
      counts.messages += 1;
      this.summary.totals.messages += 1;
      this.out.push({ kind: 'message', record });
    } catch (error) {
      if (!(error instanceof PoisonRecordError)) throw error;
      counts.bad += 1;
      this.summary.totals.bad += 1;
      this.out.push({ kind: 'bad', error, index, chatId: counts.chatId ?? String(chat.id), raw });
    }
  }

  chatEnd(chat: WalkedChat): void {
    const counts = this.summaryOf(chat);
    this.open.delete(chat);
    // Name and type may follow `messages`; the summary takes them whenever they came.
    counts.title = typeof chat.name === 'string' ? chat.name : null;
    counts.type = typeof chat.type === 'string' ? chat.type : null;
    const problem = this.chatProblem(chat);
    if (problem === null) return;
    counts.error = problem.code;
    counts.skipped = chat.messageCount;
    this.summary.totals.badChats += 1;
    this.summary.totals.skipped += chat.messageCount;
    const error = new PoisonRecordError(problem.code, `${this.file}: ${chatLabel(chat)}: ${problem.text}`, {
      context: { file: this.file, section: chat.section, chatIndex: chat.position },
    });
    this.out.push({ kind: 'bad_chat', error, chat: counts });
  }

  private chatProblem(chat: WalkedChat): { code: string; text: string } | null {
    if (chat.entryShape !== null) {
      return { code: 'EXPORT_CHAT_SHAPE', text: `chat entry is ${chat.entryShape}; expected an object` };
    }
    if (chat.messagesShape !== null) {
      return { code: 'EXPORT_CHAT_SHAPE', text: `"messages" is ${chat.messagesShape}; expected an array` };
    }
    if (chat.messages !== 'skipped') return null;
    if (chat.idAfterMessages) {
      return {
        code: 'EXPORT_CHAT_ID_AFTER_MESSAGES',
        text:
          `"id" comes after "messages", so its ${chat.messageCount} messages could not be labelled while ` +
          'streaming (Telegram Desktop writes name, type and id first; re-export the chat)',
      };
    }
    const found = chat.idShape === null ? 'chat has no "id"' : `chat id is ${chat.idShape}`;
    return { code: 'EXPORT_CHAT_NO_ID', text: `${found}; expected a positive integer` };
  }

  private summaryOf(chat: WalkedChat): ChatSummary {
    let counts = this.open.get(chat);
    if (counts === undefined) {
      counts = {
        section: chat.section,
        position: chat.position,
        chatId: chatIdString(chat.id),
        title: typeof chat.name === 'string' ? chat.name : null,
        type: typeof chat.type === 'string' ? chat.type : null,
        messages: 0,
        serviceSkipped: 0,
        bad: 0,
        skipped: 0,
        error: null,
      };
      this.open.set(chat, counts);
      this.summary.chats.push(counts);
      this.summary.totals.chats += 1;
    }
    return counts;
  }
}
