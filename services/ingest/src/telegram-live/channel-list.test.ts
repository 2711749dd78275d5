import { describe, expect, it } from 'vitest';
import { parseChannelList } from './channel-list.ts';
import { fnv1a32, inShard, parseShard } from './sharding.ts';
import { linkedUsernames, usernameFromLink } from './telegram-links.ts';

describe('parseChannelList', () => {
  it('reads usernames and t.me links, skips comments and blank lines, and drops duplicates in any case', () => {
    const text = [
      '# drug markets',
      'durov',
      '@Telegram   # the official one',
      '',
      'https://t.me/s/shopchan',
      'http://telegram.me/other_chan/123',
      't.me/DUROV',
    ].join('\n');
    expect(parseChannelList(text, 'list.txt')).toEqual([
      { username: 'durov', key: 'durov', line: 2 },
      { username: 'Telegram', key: 'telegram', line: 3 },
      { username: 'shopchan', key: 'shopchan', line: 5 },
      { username: 'other_chan', key: 'other_chan', line: 6 },
    ]);
  });

  it('names every bad line with file:line and says what to write instead', () => {
    const text = 'good_one\nhttps://t.me/+AbCdEf\nt.me/joinchat/XYZ\nt.me/c/12345/6\nab\n';
    expect(() => parseChannelList(text, 'list.txt')).toThrow(
      /4 bad line\(s\)[\s\S]*list\.txt:2: "https:\/\/t\.me\/\+AbCdEf" is a private invite link[\s\S]*list\.txt:4: .*private channel[\s\S]*list\.txt:5: "ab" is not a channel username[\s\S]*e\.g\. "durov"/,
    );
  });
});

describe('t.me links', () => {
  it('finds public channel usernames in text, not invites, reserved paths or look-alike domains', () => {
    const text =
      'join t.me/DealsChan and https://t.me/s/mirrorchan, post https://telegram.dog/otherchan/55; ' +
      'not t.me/+invite, t.me/joinchat/abc, t.me/addstickers/pack, gift.me/fakechan, t.me/abc';
    expect(linkedUsernames(text)).toEqual(['dealschan', 'mirrorchan', 'otherchan']);
    expect(usernameFromLink('https://t.me/durov/42')).toBe('durov');
    expect(usernameFromLink('see https://t.me/durov')).toBeNull();
  });
});

describe('sharding', () => {
  it('parses i/n and rejects anything else with the expected form', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['4/4', '1', 'a/b', '0/0']) expect(() => parseShard(bad)).toThrow(/--shard .* i\/n/);
  });

  it('puts every channel in exactly one shard, by a stable hash of its lower-case username', () => {
    // FNV-1a test vectors (http://www.isthe.com/chongo/tech/comp/fnv/): "" and "a".
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    const names = Array.from({ length: 200 }, (_, i) => `chan${i}`);
    const counts = [0, 1, 2].map((index) => names.filter((n) => inShard(n, { index, count: 3 })).length);
    expect(counts.reduce((a, b) => a + b)).toBe(200);
    expect(Math.min(...counts)).toBeGreaterThan(40);
    expect(inShard('ChAn7', { index: 0, count: 3 })).toBe(inShard('chan7', { index: 0, count: 3 }));
  });
});
