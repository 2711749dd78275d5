/** `tgrisk worker`: one classifier worker in the Kafka consumer group, until SIGTERM. */
import { UsageError } from '@tg-risk/core';
import { runClassifierWorkerProcess } from '@tg-risk/classifier/main';
import type { Command } from '../command.ts';

export const workerCommand: Command = async (args, env) => {
  if (args.length > 0)
    throw new UsageError(`worker takes no arguments, got "${args.join(' ')}"; configure it with env vars`);
  return runClassifierWorkerProcess(env);
};
