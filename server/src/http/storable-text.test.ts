import { describe, expect, it } from 'vitest';
import { fieldWithNul, storableText } from './storable-text.js';

describe('storableText', () => {
  it('removes NUL characters and replaces lone surrogates in every string, keys included', () => {
    const parsed = JSON.parse(
      '{"na\\u0000me": ["a\\u0000b", {"x": "\\ud800y"}], "n": 1, "ok": "\\ud83d\\ude00"}',
    );
    expect(storableText(parsed)).toEqual({ name: ['ab', { x: '\ufffdy' }], n: 1, ok: '😀' });
  });

  it('keeps a "__proto__" key as data, never as the prototype', () => {
    const clean = storableText(JSON.parse('{"__proto__": {"role": "admin"}}')) as Record<string, unknown>;
    expect((clean as { role?: string }).role).toBeUndefined();
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
  });

  it('refuses a body nested deeper than any request needs, instead of exhausting the stack', () => {
    const deep = JSON.parse('['.repeat(20_000) + ']'.repeat(20_000)) as unknown;
    expect(() => storableText({ email: deep })).toThrow(/nests deeper/);
  });
});

describe('fieldWithNul', () => {
  it('names the first field whose text, or one of whose repeated values, holds a NUL', () => {
    expect(fieldWithNul({ q: 'fine', type: ['call', 'no\u0000te'] })).toBe('type');
    expect(fieldWithNul({ q: 'fine', limit: 5 })).toBeNull();
  });
});
