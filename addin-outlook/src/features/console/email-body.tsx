import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { RemoteImagesBar } from './remote-images-bar.js';
import { withInlineImages } from './inline-images.js';
import { hasRemoteImages, withRemoteImagesShown } from './remote-images.js';
import { useFrameHeight } from './use-frame-height.js';

// The body was sanitized when it was filed; the frame is a second fence. No scripts (sandboxed
// without allow-scripts), no forms, no remote loads (tracking pixels) until the reader shows
// images; links open in a new tab outside the sandbox, and nothing tells a remote server which of
// our pages asked. The frame shares our origin (allow-same-origin) only so that this page can read
// its height and show the whole message without an inner scrollbar: with no script able to run
// inside, nothing in the message can use that origin. Never add allow-scripts beside it.
const SANDBOX = 'allow-same-origin allow-popups allow-popups-to-escape-sandbox';
const IMAGES_BLOCKED = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
const IMAGES_SHOWN = "default-src 'none'; img-src data: https:; style-src 'unsafe-inline'";

const frameDocument = (html: string, policy: string) =>
  `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><meta name="referrer" content="no-referrer"><base target="_blank">${html}`;

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  frame: {
    display: 'block',
    width: '100%',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
    boxSizing: 'content-box',
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyBase, margin: 0 },
});

interface Props {
  html: string | null;
  text: string | null;
  /** The email's own inline images by lower-cased Content-ID, as data: URLs (shown always). */
  inlineImages?: ReadonlyMap<string, string>;
}

/**
 * The body of a filed email: its sanitized HTML in a sandboxed frame as tall as the message, its
 * own inline images shown, remote images blocked until the reader shows them for this email; or
 * its plain text.
 */
export function EmailBody({ html: stored, text, inlineImages }: Props) {
  const styles = useStyles();
  const html = useMemo(
    () => (stored && inlineImages ? withInlineImages(stored, inlineImages) : stored),
    [stored, inlineImages],
  );
  // Kept as the body it was given for, so another email opened in the same place starts blocked.
  const [imagesShownFor, setImagesShownFor] = useState<string | null>(null);
  const remoteImages = useMemo(() => html !== null && hasRemoteImages(html), [html]);
  const frame = useFrameHeight();
  if (html) {
    const shown = remoteImages && imagesShownFor === html;
    const document = shown
      ? frameDocument(withRemoteImagesShown(html), IMAGES_SHOWN)
      : frameDocument(html, IMAGES_BLOCKED);
    return (
      <div className={styles.body}>
        {remoteImages && <RemoteImagesBar shown={shown} onShow={() => setImagesShownFor(html)} />}
        <iframe
          ref={frame.ref}
          className={styles.frame}
          style={{ height: `${frame.height}px` }}
          title="Email body"
          sandbox={SANDBOX}
          srcDoc={document}
          onLoad={frame.measure}
        />
      </div>
    );
  }
  return <pre className={styles.text}>{text ?? '(This email has no body.)'}</pre>;
}
