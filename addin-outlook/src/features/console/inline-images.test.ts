// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { referencedContentIds, withInlineImages } from './inline-images.js';

const PIXEL = 'data:image/png;base64,iVBORw0KGgo=';

describe('inline images of a stored email body', () => {
  it('when a body shows cid: images, then their Content-IDs are read, and nothing else is', () => {
    const html =
      '<p>Logo</p><img src="cid:image001.png@01DA" alt=""><img data-src="https://cdn.example/x.png">';
    expect([...referencedContentIds(html)]).toEqual(['image001.png@01da']);
    // A malformed escape is no image of the message's, and breaks nothing.
    expect([...referencedContentIds('<img src="cid:%zz">')]).toEqual([]);
    expect(withInlineImages('<img src="cid:%zz">', new Map([['x', 'data:,']]))).toBe('<img src="cid:%zz">');
  });

  it('when the reader has an image for a Content-ID, then that image shows from its data and the rest stay', () => {
    const html = '<img src="cid:Image001.png@01DA" alt="Logo"><img src="cid:missing@x" alt="">';
    const shown = withInlineImages(html, new Map([['image001.png@01da', PIXEL]]));
    expect(shown).toBe(`<img src="${PIXEL}" alt="Logo"><img src="cid:missing@x" alt="">`);
  });
});
