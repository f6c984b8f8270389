import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { nameFromDisplayName, type ApiError, type Contact, type SearchHit } from '@inbox-crm/shared/client';
import { AddressText } from '../../ui/address-text.js';
import { FormActions } from '../../ui/form-actions.js';
import { usePanelStyles } from '../../ui/panel-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';

interface Choice {
  address: string;
  onLinked: () => void;
  /** Back to the search, to pick another. */
  onBack: () => void;
}

/** Who saved the contact since it was read, as the server names them in a stale-version refusal. */
function changedBy(error: ApiError): string | null {
  const detail = error.details[0] as { changedBy?: unknown } | undefined;
  return typeof detail?.changedBy === 'string' ? detail.changedBy : null;
}

/** Someone saved the contact after it was read here: say who, and offer their version. */
function StaleContact({
  contact,
  error,
  onReload,
}: {
  contact: Contact;
  error: ApiError;
  onReload: () => void;
}) {
  const by = changedBy(error);
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        {contact.name} was changed{by ? ` by ${by}` : ' by someone else'} since you picked them, so nothing
        was saved. Load their latest details, then add the address again.
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onReload}>Load the latest</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * Adds the sender's address to a contact's addresses. The contact is read when picked, and saved at
 * that version: an edit made meanwhile is refused by the server, never overwritten.
 */
export function LinkToContact({ contactId, ...choice }: Choice & { contactId: string }) {
  const { api } = useServices();
  const contact = useRequest(`contact-${contactId}`, () => api.getRecord('contact', contactId));
  if (contact.state.status === 'loading') return <Spinner size="small" label="Reading the contact…" />;
  if (contact.state.status === 'failed') {
    return <ProblemMessage error={contact.state.error} onRetry={contact.reload} />;
  }
  // A new version read starts a new form: the refusal of the old one is gone.
  const record = contact.state.data;
  return <AddAddress key={record.version} contact={record} onReload={contact.reload} {...choice} />;
}

function AddAddress({
  contact,
  address,
  onLinked,
  onBack,
  onReload,
}: Choice & { contact: Contact; onReload: () => void }) {
  const styles = usePanelStyles();
  const { api } = useServices();
  const { busy, failure, submit } = useSubmission();
  const add = () =>
    submit(async () => {
      await api.updateRecord('contact', contact.id, {
        version: contact.version,
        emails: [...contact.emails, address],
      });
      onLinked();
    });
  const stale = failure?.code === 'stale_version';

  return (
    <>
      <Text>
        <strong>{contact.name}</strong> gets <AddressText address={address} /> beside{' '}
        {contact.emails.length === 0 ? 'no other address.' : 'their addresses:'}
      </Text>
      {contact.emails.length > 0 && (
        <ul className={styles.note} aria-label={`Addresses of ${contact.name}`}>
          {contact.emails.map((email) => (
            <li key={email}>
              <AddressText address={email} />
            </li>
          ))}
        </ul>
      )}
      {stale && <StaleContact contact={contact} error={failure} onReload={onReload} />}
      {failure && !stale && <ProblemMessage error={failure} />}
      <FormActions
        label={`Add the address to ${contact.name}`}
        busyLabel="Saving…"
        busy={busy}
        disabled={stale}
        onClick={() => void add()}
        onCancel={onBack}
      />
    </>
  );
}

/** Makes the sender a new contact at a company the CRM knows, named as the message names them. */
export function LinkToAccount({
  account,
  address,
  displayName,
  onLinked,
  onBack,
}: Choice & { account: SearchHit; displayName: string | null }) {
  const { api } = useServices();
  const { busy, failure, submit } = useSubmission();
  const { firstName, lastName } = nameFromDisplayName(displayName, address);
  const name = [firstName, lastName].filter(Boolean).join(' ');
  const create = () =>
    submit(async () => {
      await api.createContact({ firstName, lastName, emails: [address], accountId: account.id });
      onLinked();
    });

  return (
    <>
      <Text>
        A new contact, <strong>{name}</strong>, is made at <strong>{account.name}</strong> with this address.
      </Text>
      {failure && <ProblemMessage error={failure} />}
      <FormActions
        label={`Create contact at ${account.name}`}
        busyLabel="Saving…"
        busy={busy}
        onClick={() => void create()}
        onCancel={onBack}
      />
    </>
  );
}
