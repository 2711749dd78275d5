/**
 * The channel list file of `tgrisk ingest --channels FILE`: one public channel per line, as a
 * username (`durov`, `@durov`) or a t.me link (`https://t.me/durov`, `t.me/s/durov`,
 * `t.me/durov/123`); `#` starts a comment; blank lines are ignored; a channel listed twice (in any
 * letter case) is followed once.
 */
import { UsageError } from '@tg-risk/core';
import { USERNAME, usernameFromLink } from './telegram-links.ts';

/** One channel of the list. */
export interface ChannelListEntry {
  /** As written (without @), used in messages. */
  username: string;
  /** Lower case: the identity (Telegram usernames are case-insensitive). */
  key: string;
  /** 1-based line in the file. */
  line: number;
}

function entryUsername(item: string): string | null {
  if (/^@?[A-Za-z0-9_]+$/.test(item)) {
    const name = item.replace(/^@/, '');
    return USERNAME.test(name) ? name : null;
  }
  return usernameFromLink(item);
}

function why(item: string): string {
  if (/t\.me\/(\+|joinchat\/)/i.test(item))
    return 'is a private invite link; only public channels can be followed';
  if (/t\.me\/c\//i.test(item))
    return 'is a link into a private channel; only public channels can be followed';
  return 'is not a channel username (4–32 letters, digits, _; a letter first) or a t.me link';
}

/** Parses the list; throws one UsageError naming every bad line (file:line) and the fix. */
export function parseChannelList(text: string, file: string): ChannelListEntry[] {
  const entries: ChannelListEntry[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const item = raw.replace(/(^|\s)#.*$/, '').trim();
    if (item === '') continue;
    const username = entryUsername(item);
    if (username === null) {
      problems.push(`${file}:${i + 1}: "${item.slice(0, 80)}" ${why(item)}`);
      continue;
    }
    const key = username.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ username, key, line: i + 1 });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('\n  ');
    const more = problems.length > 10 ? `\n  ... and ${problems.length - 10} more` : '';
    throw new UsageError(
      `${problems.length} bad line(s) in the channel list:\n  ${shown}${more}\n` +
        'Write one channel per line, e.g. "durov", "@durov" or "https://t.me/durov"; "#" starts a comment.',
    );
  }
  return entries;
}
