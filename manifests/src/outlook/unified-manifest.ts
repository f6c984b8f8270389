import { zipSync } from 'fflate';
import { deploymentBaseUrl } from '../base-url.js';
import { iconPng } from '../icons/icon.js';
import { OUTLOOK_MIN_MAILBOX_SET, type OutlookManifestOptions } from './outlook-xml.js';

/** The manifest version Microsoft 365 deploys Outlook add-ins with (extensions arrived in 1.17). */
export const UNIFIED_MANIFEST_VERSION = '1.17';

const DESCRIPTION =
  'Who the sender is, what is open with them, and filing the email to the CRM in two clicks.';
/** The schema allows 80 characters for the short description. */
const SHORT_DESCRIPTION = 'The sender’s CRM record beside every email; filing in two clicks.';

/** Each Outlook window the pane's button is in, with the ids its ribbon group and button take. */
const RIBBON_CONTEXTS = {
  mailRead: 'msgRead',
  mailCompose: 'msgCompose',
  meetingDetailsAttendee: 'apptAttendee',
  meetingDetailsOrganizer: 'apptOrganizer',
} as const;

/** The ribbon group that opens the pane, in one Outlook window. */
function paneRibbon(
  context: keyof typeof RIBBON_CONTEXTS,
  name: string,
  icons: { size: number; url: string }[],
) {
  const id = RIBBON_CONTEXTS[context];
  return {
    contexts: [context],
    tabs: [
      {
        builtInTabId: 'TabDefault',
        groups: [
          {
            id: `${id}Group`,
            label: name,
            icons,
            controls: [
              {
                id: `${id}OpenPane`,
                type: 'button',
                label: name,
                icons,
                supertip: { title: name, description: DESCRIPTION },
                actionId: 'openPane',
              },
            ],
          },
        ],
      },
    ],
  };
}

/**
 * The unified app manifest (manifest.json) of the Outlook add-in, for deployment from the
 * Microsoft 365 admin center to new Outlook, Outlook on the web and recent Outlook for Windows.
 */
export function unifiedManifest(baseUrl: string, options: OutlookManifestOptions) {
  const base = deploymentBaseUrl(baseUrl);
  const name = options.name ?? 'Inbox CRM';
  const icons = [16, 32, 80].map((size) => ({ size, url: `${base}/manifests/icons/icon-${size}.png` }));
  const requirements = {
    scopes: ['mail'],
    capabilities: [{ name: 'Mailbox', minVersion: OUTLOOK_MIN_MAILBOX_SET }],
  };
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: UNIFIED_MANIFEST_VERSION,
    version: options.version,
    id: options.addInId.toLowerCase(),
    localizationInfo: { defaultLanguageTag: 'en-us' },
    developer: {
      name,
      websiteUrl: `${base}/app/`,
      privacyUrl: `${base}/app/`,
      termsOfUseUrl: `${base}/app/`,
    },
    name: { short: name, full: `${name} for Outlook` },
    description: { short: SHORT_DESCRIPTION, full: DESCRIPTION },
    icons: { outline: 'outline.png', color: 'color.png' },
    accentColor: '#0F6CBD',
    validDomains: [new URL(base).host],
    authorization: {
      // Reading each of several selected messages (loadItemByIdAsync) needs read/write mailbox.
      permissions: { resourceSpecific: [{ name: 'Mailbox.ReadWrite.User', type: 'Delegated' }] },
    },
    extensions: [
      {
        requirements,
        runtimes: [
          {
            requirements,
            id: 'taskPaneRuntime',
            type: 'general',
            code: { page: `${base}/outlook/` },
            lifetime: 'short',
            actions: [
              {
                id: 'openPane',
                type: 'openPage',
                pinnable: true,
                supportsNoItemContext: true,
                multiselect: true,
              },
            ],
          },
        ],
        ribbons: (Object.keys(RIBBON_CONTEXTS) as (keyof typeof RIBBON_CONTEXTS)[]).map((context) =>
          paneRibbon(context, name, icons),
        ),
      },
    ],
  };
}

/** The package the admin center takes: manifest.json with its two icons, zipped. */
export function unifiedManifestZip(baseUrl: string, options: OutlookManifestOptions): Buffer {
  const manifest = unifiedManifest(baseUrl, options);
  return Buffer.from(
    zipSync({
      'manifest.json': Buffer.from(JSON.stringify(manifest, null, 2)),
      'color.png': iconPng(192),
      'outline.png': iconPng(32, 'outline'),
    }),
  );
}
