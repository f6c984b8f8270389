import { describe, expect, it } from 'vitest';
import { jsonText, parseJsonBody } from './json-body.js';

describe('the text of a JSON body', () => {
  it('when the body is ASCII, then it reads as the same string UTF-8 decoding gives', () => {
    const body = Buffer.from(JSON.stringify({ subject: 'Fleet order', content: 'QUJD'.repeat(1000) }));
    expect(jsonText(body)).toBe(body.toString('utf8'));
  });

  it('when the body holds accents, scripts and emoji, then every character survives', () => {
    const text = JSON.stringify({ name: 'Zoë Šimůnková', note: '会議録 📎 — “quoted”' });
    expect(JSON.parse(jsonText(Buffer.from(text, 'utf8')))).toEqual(JSON.parse(text));
  });

  it('when a byte is not valid UTF-8, then it reads as the replacement character, as before', () => {
    const body = Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xff]), Buffer.from('b"}')]);
    expect(JSON.parse(jsonText(body))).toEqual({ name: 'a\ufffdb' });
  });
});

describe('a JSON body parsed', () => {
  it('when a key anywhere is __proto__ or constructor.prototype, then the body is refused', () => {
    const nested = '{"links":[{"type":"contact","__proto__":{"admin":true}}]}';
    expect(() => parseJsonBody(Buffer.from(nested))).toThrow(SyntaxError);
    const escaped = '{"a":{"\\u005f_proto__":{"admin":true}}}';
    expect(() => parseJsonBody(Buffer.from(escaped))).toThrow(SyntaxError);
    const constructor = '{"a":{"constructor":{"prototype":{"admin":true}}}}';
    expect(() => parseJsonBody(Buffer.from(constructor))).toThrow(SyntaxError);
  });

  it('when the body starts with a byte order mark or is a bare value, then it parses as before', () => {
    expect(parseJsonBody(Buffer.from('\ufeff{"name":"Acme"}', 'utf8'))).toEqual({ name: 'Acme' });
    expect(parseJsonBody(Buffer.from('"just a string"'))).toBe('just a string');
    expect(parseJsonBody(Buffer.from('{"constructor":"a word"}'))).toEqual({ constructor: 'a word' });
  });
});
