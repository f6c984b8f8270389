import { Checkbox, makeStyles, SearchBox, Text, tokens } from '@fluentui/react-components';
import { RECORD_TYPE_NAMES, choiceKey, isEmailAddress } from '@inbox-crm/shared/client';
import { AddressText } from '../../ui/address-text.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import type { RecordChoicesState } from './use-record-choices.js';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  label: { overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3, display: 'block' },
});

/** An address wraps at its @ and dots; anything else as it is. */
const wrapping = (text: string) => (isEmailAddress(text) ? <AddressText address={text} /> : text);

interface Props {
  label: string;
  state: RecordChoicesState;
  /** Records linked already: shown ticked, and not to be unticked here. */
  locked?: ReadonlySet<string>;
  disabled?: boolean;
}

/** Tick the records to link to; search across all records for any other. */
export function RecordChecklist({ label, state, locked = new Set(), disabled = false }: Props) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.list} role="group" aria-label={label}>
        {state.choices.length === 0 && <Text>Search for a record.</Text>}
        {state.choices.map((choice) => {
          const key = choiceKey(choice);
          const already = locked.has(key);
          return (
            <Checkbox
              key={key}
              checked={already || state.selected.has(key)}
              disabled={already || disabled}
              onChange={(_, data) => state.toggle(choice, data.checked === true)}
              label={
                <span className={styles.label}>
                  {wrapping(choice.name)}
                  <span className={styles.detail}>
                    {RECORD_TYPE_NAMES[choice.type]}
                    {already ? ' · filed' : choice.detail ? <> · {wrapping(choice.detail)}</> : ''}
                  </span>
                </span>
              }
            />
          );
        })}
      </div>
      <SearchBox
        aria-label="Search all records"
        placeholder="Search records"
        value={state.query}
        disabled={disabled}
        onChange={(_, data) => state.setQuery(data.value)}
      />
      {state.failure && <ProblemMessage error={state.failure} />}
    </>
  );
}
