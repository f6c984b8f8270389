// Where the first view stands while the app renders out of sight in #root, until the app's own first
// content is in: then the first view goes and #root shows, in one task, so the page never holds two
// records of the sender at once. Once the app has taken over, no first view is shown again.
let shown: HTMLElement | null = null;
let handedOver = false;

const appRoot = () => document.getElementById('root')!;

/** Shows `view` in the app's place, the app rendering on unseen beneath it; false once the app is up. */
export function showFirstView(view: HTMLElement): boolean {
  if (handedOver) return false;
  appRoot().hidden = true;
  appRoot().before(view);
  shown = view;
  return true;
}

/** The app takes over the page, from a first view or before one was drawn. */
export function handOverFirstView(): void {
  handedOver = true;
  if (shown === null) return;
  shown.remove();
  shown = null;
  appRoot().hidden = false;
}
