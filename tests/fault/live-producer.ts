/**
 * A stand-in for live ingestion, run as its own process (`node --import tsx live-producer.ts`) so
 * that it meets a broker outage the way a deployed ingester does (NODE_ENV=production retries):
 * publishes the fault suite's numbered messages, with the poison records mixed in, through the
 * project's Kafka bus at a steady rate, then prints `{"sent":N,"longestSendMs":N}` and exits 0.
 * Arguments: brokers topic count chunk pauseMs.
 */
import { createKafkaBus } from '@tg-risk/bus';
import { interleave, numberedMessages, poisonRecords } from './fault-records.ts';

const [brokers, topic, count, chunk, pauseMs] = process.argv.slice(2);
if (!brokers || !topic || !count || !chunk || !pauseMs) {
  process.stderr.write('usage: live-producer.ts BROKERS TOPIC COUNT CHUNK PAUSE_MS\n');
  process.exit(2);
}
const bus = createKafkaBus({ brokers: brokers.split(','), clientId: 'fault-live-producer' });
const sink = await bus.producer();
const stream = interleave(
  numberedMessages(topic, 0, Number(count)).map((m) => m.record),
  poisonRecords(topic),
);
let longestSendMs = 0;
for (let i = 0; i < stream.length; i += Number(chunk)) {
  const started = Date.now();
  await sink.send(stream.slice(i, i + Number(chunk)));
  longestSendMs = Math.max(longestSendMs, Date.now() - started);
  await new Promise((r) => setTimeout(r, Number(pauseMs)));
}
await sink.close();
await bus.close();
process.stdout.write(`${JSON.stringify({ sent: stream.length, longestSendMs })}\n`);
