import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctionFor, readLabelCorrections } from './label-audit.ts';

function auditDir(lines: object[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-audit-'));
  writeFileSync(path.join(dir, 'reviewer.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
  return dir;
}

const good = {
  file: 'en-a-01.jsonl',
  line: 3,
  text_start: 'Shop closed today',
  labels: [],
  kind: 'negative',
  reason: 'housekeeping; offers nothing by itself',
};

describe('label corrections', () => {
  it('finds a correction by file and line and checks it still points at its text', () => {
    const corrections = readLabelCorrections(auditDir([good]));
    expect(correctionFor(corrections, 'en-a-01.jsonl', 3, 'Shop closed today, back Monday')?.kind).toBe(
      'negative',
    );
    expect(correctionFor(corrections, 'en-a-01.jsonl', 4, 'anything')).toBeUndefined();
    expect(() => correctionFor(corrections, 'en-a-01.jsonl', 3, 'Fresh batch in, 3g 90$')).toThrow(
      /audit\/reviewer.jsonl:1: en-a-01.jsonl:3 starts "Fresh batch in, 3g 90\$", not "Shop closed today"/,
    );
  });

  it('rejects malformed corrections, naming the audit line and the problem', () => {
    const bad = [
      { ...good, kind: 'violation' },
      { ...good, line: 0 },
      { ...good, line: 5, reason: ' ' },
      { ...good, line: 6, text_start: 'Shop' },
      { ...good, line: 7, labels: ['spam'], kind: 'violation' },
      good,
      good,
    ];
    expect(() => readLabelCorrections(auditDir(bad))).toThrow(
      new RegExp(
        [
          '6 bad label corrections',
          'reviewer.jsonl:1: kind "violation" does not fit labels \\[\\]',
          'reviewer.jsonl:2: /line must be >= 1',
          'reviewer.jsonl:3: /reason must match pattern',
          'reviewer.jsonl:4: /text_start must NOT have fewer than 8 characters',
          'reviewer.jsonl:5: /labels/0 must be one of',
          'reviewer.jsonl:7: en-a-01.jsonl:3 is already corrected at audit/reviewer.jsonl:6',
        ].join('[\\s\\S]*'),
      ),
    );
  });

  it('has no corrections when there is no audit directory', () => {
    expect(readLabelCorrections(path.join(tmpdir(), 'no-such-audit-dir')).size).toBe(0);
  });
});
