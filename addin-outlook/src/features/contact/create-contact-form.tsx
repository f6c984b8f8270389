import { Checkbox, Field, Input, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { accountNameFromDomain, nameFromDisplayName, type SenderView } from '@inbox-crm/shared/client';
import { FormActions } from '../../ui/form-actions.js';
import { usePanelStyles } from '../../ui/panel-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';

interface Props {
  address: string;
  displayName: string | null;
  view: SenderView;
  onCreated: () => void;
  onCancel: () => void;
}

/**
 * A new contact for an unknown sender, prefilled from how the message names them. The account is
 * the one matched by the address's domain, or a new one for that domain; a free-mail domain says
 * nothing about a company, so it gets none.
 */
export function CreateContactForm({ address, displayName, view, onCreated, onCancel }: Props) {
  const styles = usePanelStyles();
  const { api } = useServices();
  const prefill = nameFromDisplayName(displayName, address);
  const [firstName, setFirstName] = useState(prefill.firstName);
  const [lastName, setLastName] = useState(prefill.lastName);
  const [title, setTitle] = useState('');
  const newDomain = view.account === null && view.reason.kind === 'no_match' ? view.reason.domain : null;
  const [withAccount, setWithAccount] = useState(true);
  const [accountName, setAccountName] = useState(newDomain ? accountNameFromDomain(newDomain) : '');
  const { busy, failure, submit: run } = useSubmission();

  async function accountId(): Promise<string | null> {
    if (!withAccount) return null;
    if (view.account) return view.account.id;
    if (!newDomain) return null;
    return (await api.createAccount({ name: accountName.trim(), domains: [newDomain] })).id;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api.createContact({
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        title: title.trim() === '' ? null : title.trim(),
        emails: [address],
        accountId: await accountId(),
      });
      onCreated();
    });
  }

  return (
    <form className={styles.panel} onSubmit={submit} aria-label="Create contact">
      <Text weight="semibold">New contact for {address}</Text>
      <Field label="First name">
        <Input value={firstName} onChange={(_, data) => setFirstName(data.value)} />
      </Field>
      <Field label="Last name">
        <Input value={lastName} onChange={(_, data) => setLastName(data.value)} />
      </Field>
      <Field label="Job title">
        <Input value={title} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      {view.account && (
        <Checkbox
          checked={withAccount}
          onChange={(_, data) => setWithAccount(data.checked === true)}
          label={`Add to ${view.account.name}`}
        />
      )}
      {newDomain && (
        <>
          <Checkbox
            checked={withAccount}
            onChange={(_, data) => setWithAccount(data.checked === true)}
            label={`Create an account for ${newDomain}`}
          />
          {withAccount && (
            <Field label="Account name" required>
              <Input value={accountName} onChange={(_, data) => setAccountName(data.value)} />
            </Field>
          )}
        </>
      )}
      {view.reason.kind === 'free_mail_domain' && (
        <Text size={200} className={styles.note}>
          {view.reason.domain} is a free-mail provider, so no account is made from it.
        </Text>
      )}
      {failure && <ProblemMessage error={failure} />}
      <FormActions
        label="Save contact"
        busyLabel="Saving…"
        busy={busy}
        disabled={
          (firstName.trim() === '' && lastName.trim() === '') ||
          (withAccount && newDomain !== null && accountName.trim() === '')
        }
        onCancel={onCancel}
      />
    </form>
  );
}
