import { useCallback, useEffect, useRef, useState } from 'react';

/** Before the message has laid out: a few lines, so a short email never leaves a tall empty box. */
const FIRST_HEIGHT = 96;

/** How tall the frame's document is: its root, or its body where a style pins the root to the frame. */
function contentHeight(document: Document): number {
  const root = document.documentElement;
  const body = document.body as HTMLElement | null;
  const style = body ? document.defaultView?.getComputedStyle(body) : undefined;
  const margins = style ? (parseFloat(style.marginTop) || 0) + (parseFloat(style.marginBottom) || 0) : 0;
  return Math.ceil(Math.max(root.getBoundingClientRect().height, body ? body.scrollHeight + margins : 0));
}

/**
 * Sizes a same-origin frame to its document: measured when it loads and again whenever its content
 * changes size (an image arrives, the window narrows and the text wraps).
 */
export function useFrameHeight() {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(FIRST_HEIGHT);
  const observer = useRef<ResizeObserver | null>(null);

  const measure = useCallback(() => {
    const document = ref.current?.contentDocument;
    if (!document?.documentElement) return;
    const update = () => setHeight(Math.max(contentHeight(document), 1));
    update();
    observer.current?.disconnect();
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(update);
    observer.current.observe(document.documentElement);
    if (document.body) observer.current.observe(document.body);
  }, []);

  useEffect(() => () => observer.current?.disconnect(), []);
  return { ref, height, measure };
}
