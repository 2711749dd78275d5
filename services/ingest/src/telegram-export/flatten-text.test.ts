import { PoisonRecordError } from '@tg-risk/core';
import { describe, expect, it } from 'vitest';
import { flattenTelegramText, mapEntityType } from './flatten-text.ts';

const where = { file: 'result.json', index: 4, chatId: '1234567890' };

function shapeError(text: unknown): PoisonRecordError {
  try {
    flattenTelegramText(text, where);
  } catch (error) {
    if (error instanceof PoisonRecordError) return error;
    throw error;
  }
  throw new Error('expected EXPORT_TEXT_SHAPE');
}

describe('flattenTelegramText', () => {
  it('keeps a plain string as it is, without entities', () => {
    expect(flattenTelegramText('hello 👋', where)).toEqual({ text: 'hello 👋', entities: [] });
  });

  it('concatenates parts and counts offsets in UTF-16 units (an astral emoji is 2)', () => {
    const flat = flattenTelegramText(
      ['👍 ', { type: 'bold', text: 'B' }, ' x ', { type: 'italic', text: '😀é' }],
      where,
    );
    expect(flat.text).toBe('👍 B x 😀é');
    expect(flat.entities).toEqual([
      { type: 'bold', offset: 3, length: 1 },
      { type: 'italic', offset: 7, length: 3 },
    ]);
  });

  it('keeps url, user_id (as a string) and language', () => {
    const flat = flattenTelegramText(
      [
        { type: 'text_link', text: 'here', href: 'https://example.org/x' },
        ' ',
        { type: 'mention_name', text: 'Bob', user_id: 123 },
        '\n',
        { type: 'pre', text: 'code', language: 'js' },
        { type: 'pre', text: 'raw', language: '' },
      ],
      where,
    );
    expect(flat.text).toBe('here Bob\ncoderaw');
    expect(flat.entities).toEqual([
      { type: 'text_link', offset: 0, length: 4, url: 'https://example.org/x' },
      { type: 'mention_name', offset: 5, length: 3, user_id: '123' },
      { type: 'pre', offset: 9, length: 4, language: 'js' },
      { type: 'pre', offset: 13, length: 3 },
    ]);
  });

  it('drops plain parts and maps unknown or missing types to "unknown"', () => {
    const flat = flattenTelegramText(
      [{ type: 'plain', text: 'a' }, { type: 'some_future_type', text: 'b' }, { text: 'c' }],
      where,
    );
    expect(flat).toEqual({
      text: 'abc',
      entities: [
        { type: 'unknown', offset: 1, length: 1 },
        { type: 'unknown', offset: 2, length: 1 },
      ],
    });
  });

  it('maps every export entity type name', () => {
    const same = [
      'bold',
      'italic',
      'underline',
      'strikethrough',
      'spoiler',
      'code',
      'pre',
      'text_link',
      'link',
    ];
    const more = ['mention', 'mention_name', 'hashtag', 'cashtag', 'bot_command', 'email', 'phone'];
    for (const type of [...same, ...more, 'bank_card', 'custom_emoji', 'blockquote']) {
      expect(mapEntityType(type)).toBe(type);
    }
    expect(mapEntityType('plain')).toBeNull();
    expect(mapEntityType('text_mention')).toBe('unknown');
    expect(mapEntityType(7)).toBe('unknown');
  });

  it('flattens text_entities the same way as text', () => {
    const entities = [
      { type: 'plain', text: 'See ' },
      { type: 'hashtag', text: '#pump' },
    ];
    expect(flattenTelegramText(entities, where)).toEqual({
      text: 'See #pump',
      entities: [{ type: 'hashtag', offset: 4, length: 5 }],
    });
  });

  it('gives an empty array an empty text', () => {
    expect(flattenTelegramText([], where)).toEqual({ text: '', entities: [] });
  });

  it.each([
    [42, 'text is a number (42)'],
    [{ type: 'bold', text: 'x' }, 'text is an object with keys type, text'],
    [null, 'text is null'],
    [['ok', 5], 'text[1] is a number (5)'],
    [['ok', null], 'text[1] is null'],
    [[['nested']], 'text[0] is an array of 1'],
    [[{ type: 'bold' }], 'text[0] is an object without a string "text"'],
    [[{ type: 'bold', text: 3 }], 'text[0] is an object without a string "text"'],
  ])('rejects %j with EXPORT_TEXT_SHAPE', (text, found) => {
    const error = shapeError(text);
    expect(error.code).toBe('EXPORT_TEXT_SHAPE');
    expect(error.retriable).toBe(false);
    expect(error.message).toContain(`result.json: message #4 (chat 1234567890): ${found}`);
    expect(error.context).toMatchObject({ file: 'result.json', index: 4 });
  });
});
