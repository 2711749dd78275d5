/** The file readers of tgrisk estimate: real files, problems named by file, line and fix. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers.ts';
import { sha256 } from '../audit/sha256.ts';
import { ChannelTally } from './channel-tally.ts';
import { readGoldFile, readMessagesFile, readStrataFile, readThresholdsFile } from './read-inputs.ts';

const scratch = tempDir('tgrisk-read-');
afterAll(() => scratch.cleanup());
const file = (name: string, text: string | Buffer) => {
  const full = path.join(scratch.dir, name);
  writeFileSync(full, text);
  return full;
};

describe('estimate input readers', () => {
  it('hash the bytes read and accept CRLF, blank lines and a missing final newline', async () => {
    const text = '{"channel_id":"a","id":1,"labels":[]}\r\n\r\n{"channel_id":"a","id":2,"labels":["fraud"]}';
    const input = file('crlf.jsonl', text);
    const tally = new ChannelTally(null, []);
    const digest = await readMessagesFile(input, tally);
    expect(digest).toEqual({ sha256: sha256(text), bytes: Buffer.byteLength(text) });
    expect(tally.result().channels).toEqual([expect.objectContaining({ channelId: 'a', messages: 2 })]);
  });

  it('name invalid UTF-8 by line', async () => {
    const input = file(
      'utf8.jsonl',
      Buffer.concat([
        Buffer.from('{"channel_id":"a","id":1,"labels":[]}\n'),
        Buffer.from([0xff, 0xfe, 0x0a]),
      ]),
    );
    await expect(readMessagesFile(input, new ChannelTally(null, []))).rejects.toThrow(
      /1 bad line; fix or remove it:\n {2}line 2: not valid UTF-8/,
    );
  });

  it('refuse a gold channel reviewed twice or a verdict contradicting its labels', async () => {
    const gold = file(
      'gold.jsonl',
      [
        '{"channel_id":"a","violating":true,"labels":["fraud"]}',
        '{"channel_id":"b","violating":true,"labels":[]}',
        '{"channel_id":"a","violating":false}',
        '{"channel_id":"c","violating":false}',
      ].join('\n'),
    );
    await expect(readGoldFile(gold)).rejects.toThrow(
      /gold file .*gold\.jsonl: 2 bad lines[^]*line 2: "violating": true contradicts "labels": \[\][^]*line 3: channel a was already reviewed on line 1/,
    );
    const ok = await readGoldFile(file('gold-ok.jsonl', '{"channel_id":"c","violating":false}\n'));
    expect([...ok.channels]).toEqual([['c', { violating: false }]]);
  });

  it('check strata counts and thresholds files, naming the field', async () => {
    const strata = file(
      'strata.json',
      JSON.stringify({ strata: [{ name: 'low', population: 10, sample: 12, violating: 1 }] }),
    );
    await expect(readStrataFile(strata)).rejects.toThrow(
      /\/strata\/0 \(low\): sample 12 exceeds population 10/,
    );
    const notSchema = file('strata2.json', JSON.stringify({ strata: [{ population: 10 }] }));
    await expect(readStrataFile(notSchema)).rejects.toThrow(
      /not a review-strata\.v1 document: \/strata\/0 is missing required field "sample"/,
    );
    const thresholds = file(
      'thresholds.json',
      JSON.stringify({ set: 's', labels: { fraud: { threshold: 0.5 } } }),
    );
    await expect(readThresholdsFile(thresholds)).rejects.toThrow(/labels\.drugs\.threshold is missing/);
    await expect(readThresholdsFile(path.join(scratch.dir, 'nope.json'))).rejects.toThrow(
      /cannot be read .*check the path/,
    );
  });
});
