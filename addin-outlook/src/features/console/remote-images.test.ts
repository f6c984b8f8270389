// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { hasRemoteImages, withRemoteImagesShown } from './remote-images.js';

const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

describe('remote images of a stored email body', () => {
  it('when a body holds an inert https image, then it has remote images, and not otherwise', () => {
    expect(hasRemoteImages('<p>Hi</p><img data-src="https://cdn.example/logo.png" alt="">')).toBe(true);
    expect(hasRemoteImages(`<p>Hi</p><img src="${PIXEL}" alt="">`)).toBe(false);
    expect(hasRemoteImages('<p>data-src="https://cdn.example/logo.png"</p>')).toBe(false);
    expect(hasRemoteImages('<img data-src="javascript:alert(1)">')).toBe(false);
  });

  it('when the reader shows images, then each https data-src becomes the src and the rest is unchanged', () => {
    const shown = withRemoteImagesShown(
      `<p style="color:#333">Hi</p><img data-src="https://cdn.example/logo.png" alt="Logo" width="64"><img src="${PIXEL}" alt="">`,
    );
    expect(shown).toBe(
      `<p style="color:#333">Hi</p><img alt="Logo" width="64" src="https://cdn.example/logo.png"><img src="${PIXEL}" alt="">`,
    );
  });

  it('when a data-src is not https, then it never becomes a src', () => {
    for (const source of [
      'javascript:alert(1)',
      'http://tracker.example/p.gif',
      '/app/x.png',
      'data:text/html,x',
    ]) {
      const shown = withRemoteImagesShown(`<img data-src="${source}" alt="">`);
      expect(shown, source).not.toContain(' src=');
    }
  });
});
