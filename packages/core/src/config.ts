/**
 * Reads the pipeline configuration from the environment once, applies the defaults documented in
 * schemas/json/config.v1.json, validates it and freezes it. The only place env vars are interpreted.
 */
import { assertValid, SchemaValidationError, type ConfigV1 } from '@tg-risk/schemas';
import { UsageError } from './errors.ts';

export type { ConfigV1 };
type Env = Record<string, string | undefined>;

/** Builds and validates the config from environment variables; throws UsageError naming the variable. */
export function loadConfig(env: Env): Readonly<ConfigV1> {
  const prefix = env.TGRISK_TOPIC_PREFIX ?? 'tgrisk';
  const brokers = env.KAFKA_BROKERS?.trim();
  const candidate = {
    kafka: brokers
      ? {
          brokers: brokers
            .split(',')
            .map((b) => b.trim())
            .filter(Boolean),
          clientId: env.KAFKA_CLIENT_ID ?? 'tgrisk',
        }
      : null,
    topics: {
      messages: `${prefix}.messages.v1`,
      labels: `${prefix}.labels.v1`,
      deadLetters: `${prefix}.dead-letter.v1`,
      partitions: integer(env, 'TGRISK_PARTITIONS', 4),
    },
    store: { sqlitePath: env.TGRISK_DB ?? '.data/tgrisk.db' },
    worker: {
      groupId: env.TGRISK_GROUP_ID ?? 'tgrisk-classifier',
      batchSize: integer(env, 'TGRISK_BATCH_SIZE', 256),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
  };
  try {
    return deepFreeze(assertValid('config.v1', candidate));
  } catch (error) {
    if (error instanceof SchemaValidationError) {
      const where = error.issues.map((i) => `${envNameFor(i.path)} ${i.message}`).join('; ');
      throw new UsageError(`invalid configuration: ${where}`);
    }
    throw error;
  }
}

function integer(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[0-9]+$/.test(raw)) throw new UsageError(`${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

const ENV_BY_PATH: Record<string, string> = {
  '/kafka/brokers': 'KAFKA_BROKERS',
  '/kafka/clientId': 'KAFKA_CLIENT_ID',
  '/topics': 'TGRISK_TOPIC_PREFIX',
  '/topics/partitions': 'TGRISK_PARTITIONS',
  '/store/sqlitePath': 'TGRISK_DB',
  '/worker/groupId': 'TGRISK_GROUP_ID',
  '/worker/batchSize': 'TGRISK_BATCH_SIZE',
  '/logLevel': 'LOG_LEVEL',
};

function envNameFor(path: string): string {
  for (const [prefix, name] of Object.entries(ENV_BY_PATH).sort((a, b) => b[0].length - a[0].length)) {
    if (path.startsWith(prefix)) return name;
  }
  return path || '(config)';
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
