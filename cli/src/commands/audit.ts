/**
 * `tgrisk audit verify MANIFEST`: re-runs a `tgrisk estimate` run from its manifest. Prints
 * "identical" (exit 0) when every input and model file hashes as recorded and the report comes out
 * byte-identical; otherwise names each changed input and each changed report value (exit 1).
 */
import { UsageError } from '@tg-risk/core';
import { showValue, verifyManifest, type FileChange, type VerifyResult } from '@tg-risk/eval';
import type { Command } from '../command.ts';
import { parseCommandArgs } from '../parse-args.ts';

/** Most changed values listed; the rest are counted (all are in --json). */
const MAX_VALUES_SHOWN = 200;

export const auditCommand: Command = async (args, _env, io) => {
  const { values, positionals } = parseCommandArgs('audit', args, {
    json: { type: 'boolean', default: false },
  });
  const [action, manifest, ...extra] = positionals;
  if (action !== 'verify' || manifest === undefined || extra.length > 0) {
    throw new UsageError(
      'usage: tgrisk audit verify MANIFEST [--json] (MANIFEST: the manifest.json written by tgrisk estimate)',
    );
  }
  const result = await verifyManifest(manifest);
  io.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : describe(result));
  return result.identical ? 0 : 1;
};

const short = (sha: string | null) => (sha === null ? 'missing' : `${sha.slice(0, 12)}…`);

const ROLE_NAMES: Record<string, string> = { input: 'messages', db: 'store rows' };

function fileLine(c: FileChange): string {
  const what = c.role === 'model' ? 'changed model file' : `changed input (${ROLE_NAMES[c.role] ?? c.role})`;
  return `  ${what} ${c.path}: sha256 ${short(c.old)} → ${short(c.new)}`;
}

function describe(r: VerifyResult): string {
  const lines: string[] = [];
  if (r.identical) {
    lines.push('identical');
    lines.push(
      `  report.json sha256 ${r.recordedReportSha256} reproduced from ${r.inputs} inputs and ${r.modelFiles} model files`,
    );
  } else {
    lines.push('not identical');
    for (const p of r.problems) lines.push(`  ${p}`);
    for (const c of r.inputChanges) lines.push(fileLine(c));
    for (const c of r.modelFileChanges) lines.push(fileLine(c));
    for (const v of r.valueChanges.slice(0, MAX_VALUES_SHOWN))
      lines.push(`  ${v.path}: ${showValue(v.old)} → ${showValue(v.new)}`);
    if (r.valueChanges.length > MAX_VALUES_SHOWN) {
      lines.push(`  ... and ${r.valueChanges.length - MAX_VALUES_SHOWN} more (all with --json)`);
    }
    const numbers = r.valueChanges.filter(
      (v) => typeof v.old === 'number' || typeof v.new === 'number',
    ).length;
    lines.push(
      `${r.inputChanges.length} input(s) and ${r.modelFileChanges.length} model file(s) changed; ${numbers} number(s) and ${r.valueChanges.length - numbers} other value(s) of the report changed`,
    );
  }
  for (const n of r.notes) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}
