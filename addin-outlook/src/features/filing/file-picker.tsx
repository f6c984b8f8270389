import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { ApiError, Email, MessageFiling, SenderView } from '@inbox-crm/shared/client';
import type { OpenMessage } from '../../office/open-message.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { RECORD_TYPE_NAMES } from '../../ui/record-links.js';
import { useMailbox, useServices } from '../../ui/services.js';
import { asApiError } from '../../ui/use-request.js';
import { emailFileFor } from './email-file.js';
import {
  choiceFromHit,
  choiceKey,
  preselectedKeys,
  suggestedChoices,
  type FileChoice,
} from './file-choices.js';

const SEARCH_DELAY_MS = 250;

const useStyles = makeStyles({
  picker: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground3, display: 'block' },
  label: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

interface Props {
  message: OpenMessage;
  view: SenderView;
  filing: MessageFiling | null;
  onFiled: (email: Email) => void;
  onCancel: () => void;
}

/** Pick the records to file to: the sender's own ticked already, anything else a search away. */
export function FilePicker({ message, view, filing, onFiled, onCancel }: Props) {
  const styles = useStyles();
  const { api } = useServices();
  const mailbox = useMailbox();
  const suggested = useMemo(() => suggestedChoices(view, filing), [view, filing]);
  const linked = useMemo(() => new Set((filing?.links ?? []).map(choiceKey)), [filing]);
  const [selected, setSelected] = useState(() => preselectedKeys(view, filing));
  const [found, setFound] = useState<FileChoice[]>([]);
  const [picked, setPicked] = useState<Map<string, FileChoice>>(new Map());
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q === '') return setFound([]);
    let current = true;
    const timer = setTimeout(() => {
      api.search(q).then(
        (result) => current && setFound(result.items.map(choiceFromHit)),
        (error: unknown) => current && setFailure(asApiError(error)),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  const shown = [...suggested, ...picked.values(), ...found];
  const choices = shown.filter(
    (choice, index) => shown.findIndex((other) => choiceKey(other) === choiceKey(choice)) === index,
  );

  function toggle(choice: FileChoice, on: boolean) {
    const key = choiceKey(choice);
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
    setPicked((previous) => new Map(previous).set(key, choice));
  }

  async function file() {
    setBusy(true);
    setFailure(null);
    try {
      const links = choices
        .filter((choice) => selected.has(choiceKey(choice)))
        .map(({ type, id }) => ({ type, id }));
      const content = await mailbox.readFilingContent();
      const { email } = await api.fileEmail(emailFileFor(message, content, links));
      onFiled(email);
    } catch (error) {
      setFailure(asApiError(error));
      setBusy(false);
    }
  }

  return (
    <div className={styles.picker} role="group" aria-label="File this email">
      <Text weight="semibold">File this email to</Text>
      {view.neverFile && (
        <MessageBar intent="warning">
          <MessageBarBody>Your organisation never files mail with {view.neverFile}.</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.list} role="group" aria-label="Records">
        {choices.length === 0 && <Text>Search for a record to file to.</Text>}
        {choices.map((choice) => {
          const key = choiceKey(choice);
          const already = linked.has(key);
          return (
            <Checkbox
              key={key}
              checked={already || selected.has(key)}
              disabled={already || busy}
              onChange={(_, data) => toggle(choice, data.checked === true)}
              label={
                <span className={styles.label}>
                  {choice.name}
                  <span className={styles.detail}>
                    {RECORD_TYPE_NAMES[choice.type]}
                    {already ? ' · filed' : choice.detail ? ` · ${choice.detail}` : ''}
                  </span>
                </span>
              }
            />
          );
        })}
      </div>
      <SearchBox
        aria-label="Search all records"
        placeholder="Search accounts, contacts, opportunities, cases"
        value={query}
        onChange={(_, data) => setQuery(data.value)}
      />
      {failure && <ProblemMessage error={failure} />}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || selected.size === 0 || view.neverFile !== null}
          onClick={() => void file()}
        >
          {busy ? (
            <Spinner size="tiny" label="Filing…" />
          ) : (
            `File to ${selected.size} ${selected.size === 1 ? 'record' : 'records'}`
          )}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
