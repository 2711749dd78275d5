import { describe, expect, it } from 'vitest';
import { HttpError } from './http-errors.ts';
import { parseJsonBody } from './json-body.ts';

const codeOf = (text: string) => {
  try {
    parseJsonBody(text);
    return 'ok';
  } catch (error) {
    return (error as HttpError).code;
  }
};

describe('parseJsonBody', () => {
  it('parses JSON and names what is wrong otherwise, without echoing the input', () => {
    expect(parseJsonBody('{"a": [1, 2]}')).toEqual({ a: [1, 2] });
    expect(codeOf('')).toBe('BODY_EMPTY');
    expect(codeOf('{"secret": ')).toBe('BODY_NOT_JSON');
    try {
      parseJsonBody('{"secret-value": ');
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-value');
    }
  });

  it('refuses prototype-pollution keys at any depth', () => {
    expect(codeOf('{"__proto__": {"admin": true}}')).toBe('BODY_FORBIDDEN_KEY');
    expect(codeOf('{"a": [{"b": {"__proto__": 1}}]}')).toBe('BODY_FORBIDDEN_KEY');
    expect(codeOf('{"constructor": {"prototype": {"x": 1}}}')).toBe('BODY_FORBIDDEN_KEY');
    expect(codeOf('{"constructor": "a normal field"}')).toBe('ok');
  });
});
