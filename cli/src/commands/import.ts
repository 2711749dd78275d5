/** `tgrisk import PATH`: a Telegram Desktop export as message.v1 JSONL on stdout or --out FILE. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { UsageError } from '@tg-risk/core';
import { importTelegramExport } from '@tg-risk/ingest';
import { writeWithBackpressure, type Command } from '../command.ts';
import { parseCommandArgs } from '../parse-args.ts';

export const importCommand: Command = async (args, _env, io) => {
  const { values, positionals } = parseCommandArgs('import', args, {
    out: { type: 'string' },
    'skip-bad': { type: 'boolean', default: false },
  });
  if (positionals.length !== 1)
    throw new UsageError('import takes exactly one PATH (a result.json of a Telegram Desktop export)');
  const path = positionals[0]!;
  const out = values.out === undefined ? io.stdout : createWriteStream(values.out);
  let warnings = 0;
  try {
    const summary = await importTelegramExport({
      path,
      skipBad: values['skip-bad'],
      write: (record) => writeWithBackpressure(out, `${JSON.stringify(record)}\n`),
      warn: (message) => {
        warnings++;
        io.stderr.write(`tgrisk import: warning: skipped ${message}\n`);
      },
    });
    const t = summary.totals;
    io.stderr.write(
      `tgrisk import: ${t.messages} messages from ${t.chats} chats; ${t.serviceSkipped} service messages skipped` +
        (warnings > 0 ? `; ${t.bad} bad messages and ${t.badChats} bad chats skipped` : '') +
        '\n',
    );
    return 0;
  } finally {
    if (out !== io.stdout) {
      (out as NodeJS.WritableStream).end();
      await once(out, 'finish');
    }
  }
};
