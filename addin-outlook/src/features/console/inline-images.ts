// An email's inline images are its own attachments, named in the body by `cid:` (Content-ID). The
// reader fetches the kept ones and writes them into a parsed copy of the body as data: URLs, the one
// kind of image the reading frame loads without the reader's say-so.

/** A `cid:` source's Content-ID, lower-cased; null for any other source, or a malformed one. */
function contentIdOf(src: string): string | null {
  if (!/^cid:/i.test(src)) return null;
  try {
    return decodeURIComponent(src.slice(4)).toLowerCase();
  } catch {
    return null;
  }
}

/** The Content-IDs the body shows (`<img src="cid:…">`), lower-cased. */
export function referencedContentIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const image of new DOMParser().parseFromString(html, 'text/html').querySelectorAll('img[src]')) {
    const id = contentIdOf(image.getAttribute('src') ?? '');
    if (id !== null) ids.add(id);
  }
  return ids;
}

/** The body with each `cid:` image it has data for shown from that data; other images unchanged. */
export function withInlineImages(html: string, images: ReadonlyMap<string, string>): string {
  if (images.size === 0) return html;
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  for (const image of body.querySelectorAll('img[src]')) {
    const id = contentIdOf(image.getAttribute('src') ?? '');
    const data = id === null ? undefined : images.get(id);
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
