import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from './sanitize-email-html.js';

const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

describe('remote images in a sanitized email body', () => {
  it('when an image comes from an https URL, then it is kept inert under data-src, with no src', () => {
    const html = sanitizeEmailHtml(
      '<p>Hi</p><img src="https://tracker.example/p.gif?u=42" alt="logo" width="1">',
    );
    expect(html).toBe('<p>Hi</p><img data-src="https://tracker.example/p.gif?u=42" alt="logo" width="1" />');
  });

  it('when an https image is written oddly (case, spaces), then it is still made inert, never left as src', () => {
    const html = sanitizeEmailHtml(
      '<img src="  HTTPS://Tracker.Example/p.gif  "><IMG SRC="https://t.example/a b.gif">',
    );
    expect(html).not.toContain(' src=');
    expect(html).toContain('data-src="https://tracker.example/p.gif"');
    expect(html).toContain('data-src="https://t.example/a%20b.gif"');
  });

  it('when an image is embedded as data:, then it stays as it is', () => {
    expect(sanitizeEmailHtml(`<img src="${PIXEL}" alt="">`)).toBe(`<img src="${PIXEL}" alt="" />`);
  });

  it('when an image names an attachment with cid:, then it stays as it was before (shown by no one yet)', () => {
    expect(sanitizeEmailHtml('<img src="cid:logo@example">')).toBe('<img src="cid:logo@example" />');
  });

  it('when an image source is javascript:, http:, protocol-relative or relative, then no source survives', () => {
    for (const src of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'http://tracker.example/p.gif',
      '//tracker.example/p.gif',
      '/outlook/assets/x.png',
      'x',
      'vbscript:msgbox(1)',
    ]) {
      const html = sanitizeEmailHtml(`<img src="${src}" alt="a">`);
      expect(html, src).toBe('<img alt="a" />');
    }
  });

  it('when a message brings its own data-src, then it is dropped, so only a converted https source is ever one', () => {
    expect(sanitizeEmailHtml('<img data-src="javascript:alert(1)" alt="a">')).toBe('<img alt="a" />');
    expect(sanitizeEmailHtml('<img data-src="https://x.example/a.png" src="' + PIXEL + '">')).toBe(
      `<img src="${PIXEL}" />`,
    );
  });

  it('when remote images hide in CSS, srcset or old attributes, then they are dropped', () => {
    const html = sanitizeEmailHtml(
      '<div style="background:url(https://tracker.example/a.gif);background-image:url(https://tracker.example/b.gif);color:red">x</div>' +
        '<table background="https://tracker.example/c.gif"><tr><td background="https://tracker.example/d.gif">y</td></tr></table>' +
        '<img srcset="https://tracker.example/e.gif 1x" alt="">' +
        '<style>p{background:url(https://tracker.example/f.gif)}</style>',
    );
    expect(html).not.toContain('tracker.example');
    expect(html).toContain('color:red');
  });
});
