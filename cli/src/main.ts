/**
 * `tgrisk` command dispatch. Errors end as one line on stderr naming the input, the place and the
 * fix; the stack only with --debug.
 */
import { TgRiskError, UsageError, describeError } from '@tg-risk/core';
import { importCommand } from './commands/import.ts';
import { classifyCommand } from './commands/classify.ts';
import { runCommand } from './commands/run.ts';
import { workerCommand } from './commands/worker.ts';
import { evalCommand } from './commands/eval.ts';
import { estimateCommand } from './commands/estimate.ts';
import { auditCommand } from './commands/audit.ts';
import { loginCommand } from './commands/login.ts';
import { ingestCommand } from './commands/ingest.ts';
import { discoverCommand } from './commands/discover.ts';
import { reviewCommand } from './commands/review.ts';
import type { CliIo, Command } from './command.ts';

const COMMANDS: Record<string, Command> = {
  import: importCommand,
  classify: classifyCommand,
  run: runCommand,
  worker: workerCommand,
  eval: evalCommand,
  estimate: estimateCommand,
  audit: auditCommand,
  login: loginCommand,
  ingest: ingestCommand,
  discover: discoverCommand,
  review: reviewCommand,
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
  eval FILE [--model DIR] [--json] [--out FILE] [--skip-bad]
                                          a model's quality on labelled eval-example.v1 JSONL: per label
                                          P/R/F1/PR-AUC, macro/micro F1 with bootstrap intervals, per
                                          language, calibration (--json: one eval-report.v1 object;
                                          --out FILE: that JSON to FILE; bootstrap: --replicates N, --seed N)
  eval FILE --compare DIR_A DIR_B [--json]
                                          two models on the same set: paired bootstrap and McNemar
                                          tests of whether they really differ (eval-compare.v1)
  estimate [--input FILE | --db FILE] [--gold FILE] [--rule k=N|p=SHARE] [--label any|LABEL]
           [--thresholds FILE] [--metrics FILE] [--strata FILE] [--population N]
           [--claim SHARE --population N] [--margin SHARE] [--out DIR] [--seed N] [--json]
                                          share of violating channels: naive, corrected for measured
                                          Se/Sp, stratified, rule sensitivity, claim check; writes
                                          report.json/.md/.html + manifest.json to --out DIR
  audit verify MANIFEST [--json]          re-runs an estimate from its manifest: "identical" or what changed
  login [--session FILE]                  log a Telegram account in (TG_API_ID, TG_API_HASH; asks phone,
                                          code, 2FA password); saves the session to a 0600 file
  ingest --channels FILE [--since DATE] [--limit N|all] [--once] [--shard I/N] [--session FILE]
         [--discussions] [--follow-discovered [--discover-depth N] [--discover-max N]]
         [--poll-interval S] [--max-flood-wait S] [--db FILE] [--no-worker] [--json]
                                          live ingestion: resolve, backfill, follow channels -> bus
  discover [--db FILE] [--limit N] [--json]
                                          referenced channels not yet followed, ranked
  review [--port N] [--db FILE | --database-url URL] [--model DIR] [--rule k=N|p=SHARE]
                                          the analysts' review server: web UI + HTTP API (OpenAPI at
                                          /api/openapi.json); also: review user add|set|list,
                                          review sync, review export eval|gold|design [--sample ID]

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
