import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '@tg-risk/core';

/** node:util parseArgs, with its errors turned into UsageError naming the command. */
export function parseCommandArgs<T extends ParseArgsConfig['options']>(
  command: string,
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see \`tgrisk --help\`; command: ${command})`);
  }
}
