import {
  Badge,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { DeploymentInfo } from '@inbox-crm/shared/client';
import { FactList } from '../../ui/fact-list.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { FilingSettings } from './filing-settings.js';
import { ConsoleLink } from './console-link.js';
import { CONSOLE_PATHS } from './console-route.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

function OutlookSteps({ info }: { info: DeploymentInfo }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Outlook">
      <Text as="h2" size={500} weight="semibold">
        Outlook
      </Text>
      <FactList
        facts={[
          [
            'Every Outlook',
            <Link href={info.downloads.outlookXml} download>
              Outlook manifest (XML)
            </Link>,
          ],
          [
            'Microsoft 365 admin center',
            <Link href={info.downloads.outlookAppZip} download>
              App package (zip)
            </Link>,
          ],
          ['Add-in id', <span className={styles.code}>{info.outlookAddInId}</span>],
        ]}
      />
      <ol className={styles.steps}>
        <li>In the Microsoft 365 admin center, open Settings → Integrated apps → Upload custom apps.</li>
        <li>
          Choose the app package (zip) for new Outlook and Outlook on the web, or the XML manifest to reach
          every Outlook, including Outlook for Mac and on-premises Exchange.
        </li>
        <li>
          Assign it to the users or groups who should have it, and accept its permission to read the open
          message.
        </li>
        <li>
          It can take a few hours to appear in everyone’s Outlook. The add-in id stays the same as long as the
          server’s address does (or set OUTLOOK_ADDIN_ID).
        </li>
      </ol>
    </section>
  );
}

function GmailSteps({ info }: { info: DeploymentInfo }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Gmail">
      <Text as="h2" size={500} weight="semibold">
        Gmail{' '}
        {info.gmail.configured ? (
          <Badge color="success">set up</Badge>
        ) : (
          <Badge color="warning">not set up</Badge>
        )}
      </Text>
      <Text>
        Each organisation deploys the Gmail add-on from its own Google Cloud project, to its own public https
        address: this server’s.
      </Text>
      <FactList
        facts={[
          [
            'Deployment descriptor',
            <Link href={info.downloads.gmailDeployment} download>
              gmail-deployment.json
            </Link>,
          ],
          ['Service account', info.gmail.serviceAccount ?? 'not set (GMAIL_SERVICE_ACCOUNT)'],
          ['OAuth client id', info.gmail.oauthClientId ?? 'not set (GMAIL_OAUTH_CLIENT_ID)'],
        ]}
      />
      <ol className={styles.steps}>
        <li>In your Google Cloud project, enable the Google Workspace Add-ons API and the Gmail API.</li>
        <li>
          Create the deployment:{' '}
          <span className={styles.code}>
            gcloud workspace-add-ons deployments create inbox-crm --deployment-file=gmail-deployment.json
          </span>
        </li>
        <li>
          Run <span className={styles.code}>gcloud workspace-add-ons get-authorization</span> and set the
          service account it names as GMAIL_SERVICE_ACCOUNT, and the project’s OAuth client id as
          GMAIL_OAUTH_CLIENT_ID, on this server; then restart it.
        </li>
        <li>
          Try it yourself:{' '}
          <span className={styles.code}>gcloud workspace-add-ons deployments install inbox-crm</span>. For
          everyone, publish it privately in the Google Workspace Marketplace SDK and install it for your
          domain in the Google Admin console.
        </li>
      </ol>
    </section>
  );
}

/** For admins: the manifests to download, how to put both add-ins in front of every user, and how they file. */
export function DeploymentPage() {
  const { api } = useServices();
  const info = useRequest('deployment', () => api.deployment());
  const state = info.state;
  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        Deploy the add-ins
      </Text>
      {state.status === 'loading' && <Spinner label="Loading…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={info.reload} />}
      {state.status === 'done' && state.data.publicUrlProblem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {state.data.publicUrlProblem} The add-ins are loaded from this server’s public address: set
            PUBLIC_URL to its https address and restart it.
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'done' && !state.data.publicUrlProblem && (
        <>
          <OutlookSteps info={state.data} />
          <GmailSteps info={state.data} />
        </>
      )}
      <FilingSettings />
      <Text as="h2" size={500} weight="semibold">
        Support mail
      </Text>
      <Text>
        Mail to a support address can become cases on its own:{' '}
        <ConsoleLink to={CONSOLE_PATHS.serviceDesk}>connect a support mailbox</ConsoleLink>.
      </Text>
      <Text as="h2" size={500} weight="semibold">
        Data and privacy
      </Text>
      <Text>
        Export everything, forget a person, keep addresses off the CRM:{' '}
        <ConsoleLink to={CONSOLE_PATHS.data}>data and privacy</ConsoleLink>.
      </Text>
    </>
  );
}
