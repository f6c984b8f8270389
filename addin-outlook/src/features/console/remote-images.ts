// The server stores an email's remote images inert: `<img data-src="https://…">` with no src. These
// read and undo that in a parsed copy of the body; a document made by DOMParser loads nothing.

const INERT_IMAGES = 'img[data-src]';

function isHttps(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function parsedBody(html: string): HTMLElement {
  return new DOMParser().parseFromString(html, 'text/html').body;
}

function inertImages(body: HTMLElement): HTMLImageElement[] {
  return [...body.querySelectorAll<HTMLImageElement>(INERT_IMAGES)].filter((image) =>
    isHttps(image.getAttribute('data-src') ?? ''),
  );
}

/** Whether a stored email body holds remote images, kept from loading until the reader asks. */
export function hasRemoteImages(html: string): boolean {
  return inertImages(parsedBody(html)).length > 0;
}

/** The body with its remote images on: each https data-src becomes the image's src again. */
export function withRemoteImagesShown(html: string): string {
  const body = parsedBody(html);
  for (const image of inertImages(body)) {
    image.setAttribute('src', image.getAttribute('data-src')!);
    image.removeAttribute('data-src');
  }
  return body.innerHTML;
}
