import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { UsageError } from './errors.ts';

describe('loadConfig', () => {
  it('selects the embedded default when KAFKA_BROKERS is unset, with documented defaults', () => {
    const config = loadConfig({});
    expect(config.kafka).toBeNull();
    expect(config.topics).toEqual({
      messages: 'tgrisk.messages.v1',
      labels: 'tgrisk.labels.v1',
      deadLetters: 'tgrisk.dead-letter.v1',
      partitions: 4,
    });
    expect(config.store.sqlitePath).toBe('.data/tgrisk.db');
    expect(Object.isFrozen(config.topics)).toBe(true);
  });

  it('reads Kafka brokers and overrides', () => {
    const config = loadConfig({
      KAFKA_BROKERS: ' a:9092, b:9093 ',
      TGRISK_TOPIC_PREFIX: 'x',
      TGRISK_PARTITIONS: '8',
    });
    expect(config.kafka).toEqual({ brokers: ['a:9092', 'b:9093'], clientId: 'tgrisk' });
    expect(config.topics.messages).toBe('x.messages.v1');
    expect(config.topics.partitions).toBe(8);
  });

  it('names the environment variable that is wrong', () => {
    expect(() => loadConfig({ KAFKA_BROKERS: 'nohostport' })).toThrow(UsageError);
    expect(() => loadConfig({ KAFKA_BROKERS: 'nohostport' })).toThrow(/KAFKA_BROKERS/);
    expect(() => loadConfig({ TGRISK_BATCH_SIZE: 'ten' })).toThrow(
      /TGRISK_BATCH_SIZE must be a whole number, got "ten"/,
    );
    expect(() => loadConfig({ TGRISK_PARTITIONS: '0' })).toThrow(/TGRISK_PARTITIONS must be >= 1/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
  });
});
