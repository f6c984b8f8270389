import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { RemoteImagesBar } from './remote-images-bar.js';
import { hasRemoteImages, withRemoteImagesShown } from './remote-images.js';

// The body was sanitized when it was filed; the frame is a second fence. No scripts (sandboxed
// without allow-scripts), no access to this page, no remote loads (tracking pixels) until the
// reader shows images; links open in a new tab outside the sandbox, and nothing tells a remote
// server which of our pages asked.
const IMAGES_BLOCKED = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
const IMAGES_SHOWN = "default-src 'none'; img-src data: https:; style-src 'unsafe-inline'";

const frameDocument = (html: string, policy: string) =>
  `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><meta name="referrer" content="no-referrer"><base target="_blank">${html}`;

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  frame: {
    width: '100%',
    height: '60vh',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
    boxSizing: 'border-box',
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyBase, margin: 0 },
});

/**
 * The body of a filed email: its sanitized HTML in a sandboxed frame, remote images blocked until
 * the reader shows them for this email; or its plain text.
 */
export function EmailBody({ html, text }: { html: string | null; text: string | null }) {
  const styles = useStyles();
  // Kept as the body it was given for, so another email opened in the same place starts blocked.
  const [imagesShownFor, setImagesShownFor] = useState<string | null>(null);
  const remoteImages = useMemo(() => html !== null && hasRemoteImages(html), [html]);
  if (html) {
    const shown = remoteImages && imagesShownFor === html;
    const document = shown
      ? frameDocument(withRemoteImagesShown(html), IMAGES_SHOWN)
      : frameDocument(html, IMAGES_BLOCKED);
    return (
      <div className={styles.body}>
        {remoteImages && <RemoteImagesBar shown={shown} onShow={() => setImagesShownFor(html)} />}
        <iframe
          className={styles.frame}
          title="Email body"
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={document}
        />
      </div>
    );
  }
  return <pre className={styles.text}>{text ?? '(This email has no body.)'}</pre>;
}
