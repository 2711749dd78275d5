import { describe, expect, it } from 'vitest';
import { assertValid, isValid, schemaIssues, SchemaValidationError } from './validate.ts';

const message = {
  schema: 'message.v1',
  channel_id: '1234567890',
  channel_username: null,
  channel_title: 'Channel',
  message_id: 5,
  date: '2025-01-01T00:00:00Z',
  text: 'hi',
  entities: [{ type: 'bold', offset: 0, length: 2 }],
  forward: null,
  reply_to: { message_id: 4 },
  edit_date: null,
  views: null,
  media: { kind: 'photo' },
  source: { kind: 'telegram_export', file: 'result.json', index: 3 },
};

describe('schema validation', () => {
  it('accepts a valid message.v1', () => {
    expect(schemaIssues('message.v1', message)).toEqual([]);
    expect(isValid('message.v1', message)).toBe(true);
  });

  it('names each wrong field by JSON pointer and says what is wrong', () => {
    const bad = {
      ...message,
      date: '2025-01-01T00:00:00+02:00',
      extra: 1,
      entities: [{ type: 'bold', offset: -1, length: 1 }],
    };
    delete (bad as Partial<typeof message>).text;
    const issues = schemaIssues('message.v1', bad);
    expect(issues).toContainEqual({ path: '', message: 'is missing required field "text"' });
    expect(issues).toContainEqual({ path: '', message: 'has unknown field "extra"' });
    expect(issues).toContainEqual({ path: '/date', message: 'must match pattern "Z$"' });
    expect(issues).toContainEqual({ path: '/entities/0/offset', message: 'must be >= 0' });
  });

  it('throws SchemaValidationError with the schema name and paths in the message', () => {
    expect(() => assertValid('label.v1', { schema: 'label.v1' })).toThrow(SchemaValidationError);
    expect(() => assertValid('label.v1', { schema: 'label.v1' })).toThrow(
      /^label\.v1: \(record\) is missing required field/,
    );
  });

  it('rejects scores outside [0, 1] and unknown labels', () => {
    const label = {
      schema: 'label.v1',
      labels: ['spam'],
      scores: { fraud: 1.5, drugs: 0, terrorism: 0 },
      thresholds: { set: 's', fraud: 0.5, drugs: 0.5, terrorism: 0.5 },
      evidence: [],
      model: 'm@1',
    };
    const paths = schemaIssues('label.v1', label).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/labels/0', '/scores/fraud']));
  });

  it('treats prototype-pollution keys as unknown fields, not as properties', () => {
    const polluted = JSON.parse(
      JSON.stringify(message).replace('{"schema"', '{"__proto__":{"admin":true},"schema"'),
    );
    expect(schemaIssues('message.v1', polluted)).toContainEqual({
      path: '',
      message: 'has unknown field "__proto__"',
    });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
