import { describe, expect, it } from 'vitest';
import { headerValue } from './thread-headers.js';

describe('reading a thread header', () => {
  it('when References is folded over lines, then its value is read whole, and a missing header is null', () => {
    const headers = [
      'Received: from mx.example by mail.example',
      'In-Reply-To: <b@northwind.example>',
      'references: <a@northwind.example>',
      '\t<b@northwind.example>',
      'Subject: Re: Fleet',
      '',
    ].join('\r\n');
    expect(headerValue(headers, 'References')).toBe('<a@northwind.example> <b@northwind.example>');
    expect(headerValue(headers, 'In-Reply-To')).toBe('<b@northwind.example>');
    expect(headerValue(headers, 'Message-ID')).toBeNull();
  });
});
