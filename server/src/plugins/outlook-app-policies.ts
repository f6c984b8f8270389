import type { ContentPolicy } from './security-headers.js';

/** Microsoft requires add-ins to load Office.js from its CDN, never from a copy of their own. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * The pages that may frame the task pane: Outlook on the web, and new Outlook on Windows, which is
 * Outlook on the web in a WebView2, so the pane is again an iframe under these origins. The list is
 * the one Microsoft gives for apps that run in Outlook ("Microsoft 365 app host frame-ancestor
 * permission", Outlook row and *.cloud.microsoft, the domain its web apps are moving to), in
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements (source:
 * MicrosoftDocs/msteams-docs, msteams-platform/includes/tabs/content-security-policy-headers.md);
 * the Office Add-ins docs themselves ("Privacy and security for Office Add-ins") say only that web
 * clients host an add-in in a sandboxed iframe. Classic Outlook on Windows and Outlook on Mac host
 * the pane as the top document of a webview (WebView2 or WKWebView, see "Browsers and webview
 * controls used by Office Add-ins"), not in a frame, so frame-ancestors does not concern them.
 * *.officeapps.live.com serves Word, Excel and PowerPoint on the web, not Outlook: left out.
 */
export const OUTLOOK_FRAME_ANCESTORS = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
  'https://*.cloud.microsoft',
] as const;

/**
 * The task pane and the add-in's function file, inside Outlook: our scripts and Office.js, styles
 * Fluent UI writes at run time (Griffel inserts <style> elements), calls to our API only.
 */
export const PANE_POLICY: ContentPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'", new URL(OFFICE_JS_URL).origin],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': OUTLOOK_FRAME_ANCESTORS,
};

/**
 * The console, which shows email bodies (sanitized on the way in) in a sandboxed srcdoc frame. That
 * frame inherits this policy and adds its own stricter one, so https: images are allowed here only
 * for the frame to show an email's remote images once the reader asks; until then the frame's own
 * policy blocks them (tracking pixels). No script but ours, no framing of the console elsewhere.
 */
export const CONSOLE_POLICY: ContentPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'https:'],
  'object-src': ["'none'"],
  'frame-ancestors': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};
