import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey } from './partitioner.ts';

// kafkajs ships the Java client's murmur2; ours must agree so the embedded bus partitions like Kafka.
const require = createRequire(import.meta.url);
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2.js') as (
  key: Buffer | string,
) => number;

describe('murmur2', () => {
  it('matches the kafkajs (Java-compatible) implementation for keys of every tail length', () => {
    const keys = [
      '',
      'a',
      'ab',
      'abc',
      'abcd',
      '1234567890',
      '21',
      'channel-42',
      'Тест',
      '🙂key',
      'x'.repeat(257),
    ];
    for (const key of keys) expect(murmur2(Buffer.from(key)), key).toBe(kafkajsMurmur2(Buffer.from(key)));
  });

  it('keeps a key on one partition and spreads keys over partitions', () => {
    const rr = () => 0;
    expect(partitionForKey('1001', 4, rr)).toBe(partitionForKey('1001', 4, rr));
    const used = new Set(Array.from({ length: 100 }, (_, i) => partitionForKey(String(1000 + i), 4, rr)));
    expect(used.size).toBe(4);
  });
});
