import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEvalSet } from './eval-set.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseEvalSet', () => {
  it('reads valid lines in order, skips blank lines and tolerates CRLF and a missing final newline', () => {
    const text =
      '{"text":"a","labels":["fraud"],"id":1,"lang":"en"}\r\n\n   \n' +
      '{"text":"b","labels":[],"channel_id":"123"}';
    const set = parseEvalSet(bytes(text));
    expect(set.examples).toEqual([
      { text: 'a', labels: ['fraud'], id: 1, lang: 'en' },
      { text: 'b', labels: [], channel_id: '123' },
    ]);
    expect(set.lineNumbers).toEqual([1, 4]);
    expect(set.lines).toBe(2);
    expect(set.badLines).toEqual([]);
    expect(set.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('reports each bad line with its number and what is wrong', () => {
    const lines = [
      '{"text":"ok","labels":[]}',
      'not json',
      '{"text":"x","labels":["spam"]}',
      '{"labels":["drugs"]}',
      '{"text":"x","labels":["drugs"],"lang":"English"}',
    ];
    const raw = Buffer.concat([bytes(lines.join('\n') + '\n'), Buffer.from([0xff, 0xfe, 0x0a])]);
    const set = parseEvalSet(raw);
    expect(set.examples).toHaveLength(1);
    expect(set.lines).toBe(6);
    expect(set.badLines.map((b) => b.line)).toEqual([2, 3, 4, 5, 6]);
    const problem = (line: number) => set.badLines.find((b) => b.line === line)!.problem;
    expect(problem(2)).toMatch(/^not JSON/);
    expect(problem(3)).toMatch(/\/labels\/0 must be one of \["fraud","drugs","terrorism"\]/);
    expect(problem(4)).toMatch(/is missing required field "text"/);
    expect(problem(5)).toMatch(/\/lang must match pattern/);
    expect(problem(6)).toBe('not valid UTF-8');
  });
});
