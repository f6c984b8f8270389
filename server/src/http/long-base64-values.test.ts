import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '../plugins/json-body.js';
import { cutLongBase64Values, LONG_VALUE_BYTES } from './long-base64-values.js';

const base64 = (bytes: number) => randomBytes(bytes).toString('base64');
const LONG = base64(LONG_VALUE_BYTES);

/** What JSON.parse makes of the text, or the fact that it refuses it. */
function plainParse(text: string): { value: unknown } | 'refused' {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return 'refused';
  }
}

function ourParse(text: string): { value: unknown } | 'refused' {
  try {
    return { value: parseJsonBody(Buffer.from(text, 'utf8')) };
  } catch {
    return 'refused';
  }
}

describe('long base64 values cut out of a JSON body before it is parsed', () => {
  it('when an email carries attachments, then each long content is cut out and put back in its place', () => {
    const first = base64(700_000);
    const text = JSON.stringify({
      subject: 'Fleet order — “signed”',
      attachments: [
        { name: 'a.pdf', content: first },
        { name: 'small.png', content: base64(30) },
        { name: 'b.pdf', content: LONG },
      ],
    });
    const cut = cutLongBase64Values(Buffer.from(text));
    expect(cut.values.size).toBe(2);
    expect(cut.body.length).toBeLessThan(1000);
    expect(ourParse(text)).toEqual(plainParse(text));
  });

  it('when a long value is not plain base64, then the body parses exactly as JSON.parse parses it', () => {
    const bodies = [
      // an encoder that escapes slashes, line breaks in the base64, text that is not base64
      `{"content":"${LONG.replaceAll('/', '\\/')}"}`,
      `{"content":"${LONG.slice(0, 40_000)}\\r\\n${LONG.slice(40_000)}"}`,
      `{"content":"${'word '.repeat(20_000)}"}`,
      // the key written with spaces, or inside another string
      `{"content" : "${LONG}"}`,
      JSON.stringify({ note: `"content":"${LONG}"` }),
      // twice under one key: the last one wins
      `{"content":"${LONG}","content":"${base64(LONG_VALUE_BYTES + 3)}"}`,
      // a value that looks like a marker stays what it is
      JSON.stringify({ content: LONG, other: '00000000-0000-4000-8000-000000000000:0' }),
    ];
    for (const text of bodies) expect(ourParse(text)).toEqual(plainParse(text));
  });

  it('when the body around a long value is not valid JSON, then it is refused as JSON.parse refuses it', () => {
    const bodies = [
      `{"content":"${LONG}\u0001"}`,
      `{"content":"${LONG}"`,
      `{"content":"${LONG}" "x":1}`,
      `["content":"${LONG}"]`,
      `{"a":"content":"${LONG}"}`,
    ];
    for (const text of bodies) {
      expect(plainParse(text)).toBe('refused');
      expect(ourParse(text)).toBe('refused');
    }
  });
});
