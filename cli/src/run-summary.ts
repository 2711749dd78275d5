/** The per-channel summary that `tgrisk run` prints when the pipeline has drained. */
import type { ChannelSummary } from '@tg-risk/core';

export interface RunReport {
  bus: string;
  store: string;
  model: string;
  imported: { files: number; messages: number; serviceSkipped: number; bad: number };
  deadLetters: number;
  channels: ChannelSummary[];
}

/** Renders the report as an aligned text table. */
export function formatRunReport(report: RunReport): string {
  const header = ['channel', 'title', 'messages', 'fraud', 'drugs', 'terrorism', 'any flag'];
  const rows = report.channels.map((c) => [
    c.username ? `@${c.username}` : c.channelId,
    truncate(c.title ?? '', 34),
    String(c.messages),
    String(c.flagged.fraud),
    String(c.flagged.drugs),
    String(c.flagged.terrorism),
    `${c.flagged.any} (${percent(c.flagged.any, c.messages)})`,
  ]);
  const total = report.channels.reduce(
    (t, c) => ({
      messages: t.messages + c.messages,
      fraud: t.fraud + c.flagged.fraud,
      drugs: t.drugs + c.flagged.drugs,
      terrorism: t.terrorism + c.flagged.terrorism,
      any: t.any + c.flagged.any,
    }),
    { messages: 0, fraud: 0, drugs: 0, terrorism: 0, any: 0 },
  );
  rows.push([
    'total',
    `${report.channels.length} channels`,
    String(total.messages),
    String(total.fraud),
    String(total.drugs),
    String(total.terrorism),
    `${total.any} (${percent(total.any, total.messages)})`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    `Flagged messages per channel (model ${report.model}):`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.slice(0, -1).map(line),
    line(widths.map((w) => '-'.repeat(w))),
    line(rows[rows.length - 1]!),
    '',
    `Imported ${report.imported.messages} messages from ${report.imported.files} export file(s); ` +
      `${report.imported.serviceSkipped} service messages skipped, ${report.imported.bad} bad.`,
    `Dead letters: ${report.deadLetters}.`,
    `Bus: ${report.bus}.`,
    `Store: ${report.store}.`,
    'Flags are message-level model decisions, not reviewed findings; a channel-level rate needs an explicit rule.',
  ].join('\n');
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : `${chars.slice(0, n - 1).join('')}…`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;
}
