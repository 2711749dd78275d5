/**
 * The fault suite's own Kafka broker: a second instance of scripts/kafka/kafka.sh (`fault`, ports
 * 19192/19193), so pausing it never disturbs the broker other tests share on 19092.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers.ts';

const run = promisify(execFile);
const SCRIPT = `${REPO_ROOT}scripts/kafka/kafka.sh`;

const PORT = process.env.FAULT_KAFKA_PORT ?? '19192';
const CONTROLLER_PORT = process.env.FAULT_KAFKA_CONTROLLER_PORT ?? '19193';

/** The fault broker's bootstrap address. */
export const FAULT_BROKERS = [`127.0.0.1:${PORT}`];

async function kafkaSh(...args: string[]): Promise<void> {
  try {
    await run('bash', [SCRIPT, ...args], {
      env: {
        ...process.env,
        KAFKA_INSTANCE: 'fault',
        KAFKA_PORT: PORT,
        KAFKA_CONTROLLER_PORT: CONTROLLER_PORT,
      },
      timeout: 150_000,
    });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`kafka.sh ${args.join(' ')} (fault instance) failed:\n${stderr ?? String(error)}`);
  }
}

/** Starts a fresh, empty fault broker (a no-op when it is already up). */
export const startFaultBroker = () => kafkaSh('start');
/** Stops the fault broker and deletes its data. */
export const stopFaultBroker = () => kafkaSh('stop');
/** Stops the fault broker but keeps its data (`hard`: SIGKILL, a crash, instead of a clean shutdown). */
export const pauseFaultBroker = (hard = false) => kafkaSh('pause', ...(hard ? ['--hard'] : []));
/** Starts the paused fault broker again on its data. */
export const resumeFaultBroker = () => kafkaSh('resume');
