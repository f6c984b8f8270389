// An email's inline images are its own attachments, named in the body by `cid:` (Content-ID). The
// reader fetches the kept ones and writes them into a parsed copy of the body as data: URLs, the one
// kind of image the reading frame loads without the reader's say-so.

/** The Content-IDs the body shows (`<img src="cid:…">`), without the scheme, as written. */
export function referencedContentIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const image of new DOMParser().parseFromString(html, 'text/html').querySelectorAll('img[src]')) {
    const src = image.getAttribute('src') ?? '';
    if (/^cid:/i.test(src)) ids.add(decodeURIComponent(src.slice(4)));
  }
  return ids;
}

/** The body with each `cid:` image it has data for shown from that data; other images unchanged. */
export function withInlineImages(html: string, images: ReadonlyMap<string, string>): string {
  if (images.size === 0) return html;
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  for (const image of body.querySelectorAll('img[src]')) {
    const src = image.getAttribute('src') ?? '';
    const data = /^cid:/i.test(src) ? images.get(decodeURIComponent(src.slice(4)).toLowerCase()) : undefined;
    if (data) image.setAttribute('src', data);
  }
  return body.innerHTML;
}

/** A file as a data: URL, for the reading frame. */
export function dataUrlOf(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read.'));
    reader.readAsDataURL(file);
  });
}
