/**
 * `tgrisk` command dispatch. Errors end as one line on stderr naming the input, the place and the
 * fix; the stack only with --debug.
 */
import { TgRiskError, UsageError, describeError } from '@tg-risk/core';
import { importCommand } from './commands/import.ts';
import { classifyCommand } from './commands/classify.ts';
import { runCommand } from './commands/run.ts';
import { workerCommand } from './commands/worker.ts';
import type { CliIo, Command } from './command.ts';

const COMMANDS: Record<string, Command> = {
  import: importCommand,
  classify: classifyCommand,
  run: runCommand,
  worker: workerCommand,
};

const USAGE = `usage: tgrisk <command> [options]

commands:
  import PATH [--out FILE] [--skip-bad]   Telegram Desktop export (result.json) -> message.v1 JSONL
  classify [--model DIR] [--batch N]      JSONL {"text", "id"?} on stdin -> one label.v1 line per input
                                          (default model: models/tgrisk-risk; DIR may also be a
                                          Hugging Face text-classification model directory)
  run [EXPORT...] [--db FILE] [--no-worker] [--json]
                                          the pipeline: exports -> bus -> classifier -> store, then a
                                          per-channel summary (bundled sample data when no EXPORT)
  worker                                  a classifier worker in the Kafka consumer group (KAFKA_BROKERS)

global options: --debug (stack traces), --help
environment: KAFKA_BROKERS, TGRISK_DB, TGRISK_TOPIC_PREFIX, TGRISK_PARTITIONS, TGRISK_GROUP_ID,
             TGRISK_BATCH_SIZE, LOG_LEVEL (see README.md)`;

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`tgrisk: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(rest, env, io);
  } catch (error) {
    io.stderr.write(`tgrisk ${name}: ${describeError(error).message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    if (error instanceof UsageError) return 2;
    if (error instanceof TgRiskError) return 1;
    if (!debug) io.stderr.write('(run again with --debug for the stack trace)\n');
    return 1;
  }
}
