import { makeStyles, tokens } from '@fluentui/react-components';

// The body was sanitized when it was filed; the frame is a second fence. No scripts, no access to
// this page, no remote loads (tracking pixels); links open in a new tab outside the sandbox.
const FRAME_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

const useStyles = makeStyles({
  frame: {
    width: '100%',
    height: '60vh',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyBase, margin: 0 },
});

/** The body of a filed email: its sanitized HTML in a sandboxed frame, or its plain text. */
export function EmailBody({ html, text }: { html: string | null; text: string | null }) {
  const styles = useStyles();
  if (html) {
    const document = `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}"><base target="_blank">${html}`;
    return (
      <iframe
        className={styles.frame}
        title="Email body"
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        srcDoc={document}
      />
    );
  }
  return <pre className={styles.text}>{text ?? '(This email has no body.)'}</pre>;
}
