/**
 * `tgrisk classify`: JSONL {"text", "id"?} on stdin, one label.v1 (or classify-error.v1) line per
 * non-blank input line on stdout, in input order. Lines are classified in batches for throughput.
 */
import { UsageError, type Classifier } from '@tg-risk/core';
import { createDefaultClassifier } from '@tg-risk/models';
import type { LabelV1 } from '@tg-risk/schemas';
import { writeWithBackpressure, type Command } from '../command.ts';
import { checkClassifyLine, type CheckedLine } from '../classify-input.ts';
import { readInputLines } from '../jsonl-lines.ts';
import { parseCommandArgs } from '../parse-args.ts';

const MAX_LINE_BYTES = 2 * 1024 * 1024;

export const classifyCommand: Command = async (args, _env, io) => {
  const { values, positionals } = parseCommandArgs('classify', args, {
    batch: { type: 'string', default: '64' },
    model: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError('classify reads stdin and takes no PATH');
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 4096) {
    throw new UsageError(`--batch must be a whole number from 1 to 4096, got "${values.batch}"`);
  }
  const classifier = await createDefaultClassifier(values.model);
  try {
    let pending: CheckedLine[] = [];
    for await (const line of readInputLines(io.stdin as AsyncIterable<Buffer>, MAX_LINE_BYTES)) {
      // Blank lines (a trailing newline, spacing) carry nothing to classify and get no output.
      if (line.kind === 'text' && line.text.trim() === '') continue;
      pending.push(checkClassifyLine(line));
      if (pending.length >= batchSize) {
        await flush(pending, classifier, io.stdout);
        pending = [];
      }
    }
    await flush(pending, classifier, io.stdout);
    return 0;
  } finally {
    await classifier.close();
  }
};

async function flush(
  lines: CheckedLine[],
  classifier: Classifier,
  out: NodeJS.WritableStream,
): Promise<void> {
  const valid = lines.flatMap((l) => (l.ok ? [l.input] : []));
  const predictions = valid.length > 0 ? await classifier.classify(valid.map((v) => v.text)) : [];
  let next = 0;
  let text = '';
  for (const l of lines) {
    if (!l.ok) {
      text += `${JSON.stringify(l.error)}\n`;
      continue;
    }
    const label: LabelV1 = {
      schema: 'label.v1',
      ...(l.input.id === undefined ? {} : { id: l.input.id }),
      ...predictions[next++]!,
    };
    text += `${JSON.stringify(label)}\n`;
  }
  if (text) await writeWithBackpressure(out, text);
}
