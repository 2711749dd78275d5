/**
 * Live ingestion (`tgrisk ingest --once`) of one channel from FakeTelegram (real gramjs Api objects,
 * no network), slowed down per request so a backfill takes seconds and can be killed in the
 * middle. Run as its own process by the fault suite; its checkpoint lives in TGRISK_DB.
 * Arguments: channelsFile channelId messages delayMs.
 */
import type { Api } from 'telegram';
import { sleep } from '@tg-risk/core';
import { FakeTelegram } from '@tg-risk/ingest';
import { makeIngestCommand } from '../../cli/src/commands/ingest.ts';

const [channelsFile, channelId, count, delayMs] = process.argv.slice(2);
if (!channelsFile || !channelId || !count || !delayMs) {
  process.stderr.write('usage: live-backfill.ts CHANNELS_FILE CHANNEL_ID MESSAGES DELAY_MS\n');
  process.exit(2);
}
const fake = new FakeTelegram();
fake.addChannel({ id: channelId, username: 'faultbackfill', title: 'Fault backfill' });
fake.postMany(channelId, Number(count));
const slow = {
  async invoke<R extends Api.AnyRequest>(request: R): Promise<R['__response']> {
    await sleep(Number(delayMs));
    return fake.invoke(request);
  },
  onUpdate: (handler: (update: Api.TypeUpdate) => void) => fake.onUpdate(handler),
};
const ingest = makeIngestCommand({ connect: async () => ({ transport: slow, close: async () => {} }) });
process.exitCode = await ingest(
  ['--channels', channelsFile, '--once', '--limit', 'all', '--no-worker'],
  process.env,
  { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
);
