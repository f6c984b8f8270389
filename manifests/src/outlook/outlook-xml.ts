import { deploymentBaseUrl, ManifestError } from '../base-url.js';
import { xmlText } from '../xml-text.js';

/** What an Outlook manifest is generated from, besides the server's address. */
export interface OutlookManifestOptions {
  /** The add-in's id: a GUID that stays the same for a deployment across versions. */
  addInId: string;
  /** The product's version, x.y.z; Office wants four parts. */
  version: string;
  name?: string;
}

/** The least the pane asks of a host: pinning and ItemChanged (see addin-outlook's office-mailbox). */
export const OUTLOOK_MIN_MAILBOX_SET = '1.5';

/** Read/write mailbox: the least that lets the pane read several selected messages (Mailbox 1.15). */
export const OUTLOOK_PERMISSIONS = 'ReadWriteMailbox';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DESCRIPTION =
  'Who the sender is, what is open with them, and filing the email to the CRM in two clicks.';

function officeVersion(version: string): string {
  const parts = version.split('.');
  if (parts.length > 4 || parts.some((part) => !/^\d{1,5}$/.test(part))) {
    throw new ManifestError(`The version "${version}" is not x.y.z.`);
  }
  return [...parts, '0', '0', '0'].slice(0, 4).join('.');
}

/** Where Outlook shows the pane's button: reading or writing mail, a meeting one attends or organises. */
export const OUTLOOK_SURFACES = {
  MessageRead: 'msgRead',
  MessageCompose: 'msgCompose',
  AppointmentAttendee: 'apptAttendee',
  AppointmentOrganizer: 'apptOrganizer',
} as const;
type Surface = keyof typeof OUTLOOK_SURFACES;

/**
 * What the pane's action does on a surface: on reading mail it pins, opens with no message chosen
 * and serves several selected messages (Mailbox 1.13; older hosts ignore it and keep one message).
 */
function actionOptions(surface: Surface): string {
  if (surface !== 'MessageRead') return '';
  return ['SupportsPinning', 'SupportsNoItemContext', 'SupportsMultiSelect']
    .map((name) => `\n                    <${name}>true</${name}>`)
    .join('');
}

/** One ribbon button that opens the task pane, on one surface. */
function paneButton(surface: Surface): string {
  const id = OUTLOOK_SURFACES[surface];
  return `
          <ExtensionPoint xsi:type="${surface}CommandSurface">
            <OfficeTab id="TabDefault">
              <Group id="${id}Group">
                <Label resid="Group.Label"/>
                <Control xsi:type="Button" id="${id}OpenPane">
                  <Label resid="Pane.Label"/>
                  <Supertip>
                    <Title resid="Pane.Label"/>
                    <Description resid="Pane.Tooltip"/>
                  </Supertip>
                  <Icon>
                    <bt:Image size="16" resid="Icon.16"/>
                    <bt:Image size="32" resid="Icon.32"/>
                    <bt:Image size="80" resid="Icon.80"/>
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <SourceLocation resid="Pane.Url"/>${actionOptions(surface)}
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>`;
}

/**
 * The add-in-only XML manifest: the one that works in every Outlook (on-premises Exchange, Mac,
 * perpetual Office). A pane on reading and writing mail (pinnable, several messages at once where
 * the host can) and beside meetings, shared and delegated folders, Mailbox 1.5. Read/write mailbox
 * permission because reading each of several selected messages (loadItemByIdAsync) requires it.
 */
export function outlookXmlManifest(baseUrl: string, options: OutlookManifestOptions): string {
  const base = xmlText(deploymentBaseUrl(baseUrl));
  if (!GUID.test(options.addInId))
    throw new ManifestError(`The add-in id "${options.addInId}" is not a GUID.`);
  const name = xmlText(options.name ?? 'Inbox CRM');
  const icon = (size: number) => `${base}/manifests/icons/icon-${size}.png`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
  xsi:type="MailApp">
  <Id>${options.addInId.toLowerCase()}</Id>
  <Version>${officeVersion(options.version)}</Version>
  <ProviderName>${name}</ProviderName>
  <DefaultLocale>en-US</DefaultLocale>
  <DisplayName DefaultValue="${name}"/>
  <Description DefaultValue="${xmlText(DESCRIPTION)}"/>
  <IconUrl DefaultValue="${icon(64)}"/>
  <HighResolutionIconUrl DefaultValue="${icon(128)}"/>
  <SupportUrl DefaultValue="${base}/app/"/>
  <AppDomains>
    <AppDomain>${base}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Mailbox"/>
  </Hosts>
  <Requirements>
    <Sets>
      <Set Name="Mailbox" MinVersion="${OUTLOOK_MIN_MAILBOX_SET}"/>
    </Sets>
  </Requirements>
  <FormSettings>
    <Form xsi:type="ItemRead">
      <DesktopSettings>
        <SourceLocation DefaultValue="${base}/outlook/"/>
        <RequestedHeight>250</RequestedHeight>
      </DesktopSettings>
    </Form>
    <Form xsi:type="ItemEdit">
      <DesktopSettings>
        <SourceLocation DefaultValue="${base}/outlook/"/>
      </DesktopSettings>
    </Form>
  </FormSettings>
  <Permissions>${OUTLOOK_PERMISSIONS}</Permissions>
  <Rule xsi:type="RuleCollection" Mode="Or">
    <Rule xsi:type="ItemIs" ItemType="Message" FormType="Read"/>
    <Rule xsi:type="ItemIs" ItemType="Message" FormType="Edit"/>
    <Rule xsi:type="ItemIs" ItemType="Appointment" FormType="Read"/>
    <Rule xsi:type="ItemIs" ItemType="Appointment" FormType="Edit"/>
  </Rule>
  <DisableEntityHighlighting>false</DisableEntityHighlighting>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">
    <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1" xsi:type="VersionOverridesV1_1">
      <Requirements>
        <bt:Sets DefaultMinVersion="${OUTLOOK_MIN_MAILBOX_SET}">
          <bt:Set Name="Mailbox"/>
        </bt:Sets>
      </Requirements>
      <Hosts>
        <Host xsi:type="MailHost">
          <DesktopFormFactor>
            <SupportsSharedFolders>true</SupportsSharedFolders>
            <FunctionFile resid="Commands.Url"/>${(Object.keys(OUTLOOK_SURFACES) as Surface[]).map(paneButton).join('')}
          </DesktopFormFactor>
        </Host>
      </Hosts>
      <Resources>
        <bt:Images>
          <bt:Image id="Icon.16" DefaultValue="${icon(16)}"/>
          <bt:Image id="Icon.32" DefaultValue="${icon(32)}"/>
          <bt:Image id="Icon.80" DefaultValue="${icon(80)}"/>
        </bt:Images>
        <bt:Urls>
          <bt:Url id="Commands.Url" DefaultValue="${base}/outlook/commands.html"/>
          <bt:Url id="Pane.Url" DefaultValue="${base}/outlook/"/>
        </bt:Urls>
        <bt:ShortStrings>
          <bt:String id="Group.Label" DefaultValue="${name}"/>
          <bt:String id="Pane.Label" DefaultValue="${name}"/>
        </bt:ShortStrings>
        <bt:LongStrings>
          <bt:String id="Pane.Tooltip" DefaultValue="${xmlText(DESCRIPTION)}"/>
        </bt:LongStrings>
      </Resources>
    </VersionOverrides>
  </VersionOverrides>
</OfficeApp>
`;
}
