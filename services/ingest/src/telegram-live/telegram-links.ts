/**
 * Public channel usernames in t.me links: `t.me/name`, `t.me/name/123` (a post), `t.me/s/name` (the
 * web preview), also on telegram.me and telegram.dog, with or without https://. Invite links
 * (`t.me/+…`, `t.me/joinchat/…`), private post links (`t.me/c/…`) and Telegram's own paths
 * (`t.me/addstickers/…`, `t.me/share/…`, ...) name no public channel.
 */

/** Telegram's username rule: 4–32 characters, a letter first, then letters, digits, underscores. */
export const USERNAME = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

// Paths on t.me that are features, not usernames (https://core.telegram.org/api/links).
const RESERVED = new Set([
  'addemoji',
  'addlist',
  'addstickers',
  'addtheme',
  'auth',
  'bg',
  'boost',
  'c',
  'confirmphone',
  'contact',
  'giftcode',
  'invoice',
  'iv',
  'joinchat',
  'login',
  'm',
  'proxy',
  'setlanguage',
  'share',
  'socks',
]);

// The lookbehind keeps "gift.me/x" or "abc.t.me/x" from counting as a t.me link.
const LINK =
  /(?<![\w.-])(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog)\/(?:s\/)?([A-Za-z0-9_+]+)/i;
// A fresh global copy per scan: a shared /g regex carries lastIndex from one call into the next.
const linkScanner = () => new RegExp(LINK.source, 'gi');

/** The username a t.me link points at, or null when it is not a public channel link. */
export function usernameFromLink(link: string): string | null {
  const m = LINK.exec(link.trim());
  if (!m || m.index !== 0) return null;
  const name = m[1]!;
  if (!USERNAME.test(name) || RESERVED.has(name.toLowerCase())) return null;
  return name;
}

/** Lower-case usernames of every public channel link in `text` (each once, in order). */
export function linkedUsernames(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(linkScanner())) {
    const name = m[1]!;
    if (USERNAME.test(name) && !RESERVED.has(name.toLowerCase())) found.add(name.toLowerCase());
  }
  return [...found];
}
