import { Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import type { MessageParty, SenderView } from '@inbox-crm/shared/client';
import { AddressText } from '../../ui/address-text.js';

interface Props {
  counterparts: MessageParty[];
  views: SenderView[];
  chosen: string | null;
  onChoose: (address: string) => void;
  /** What they are on, for the field's label. */
  on?: 'message' | 'meeting';
}

const useStyles = makeStyles({
  // Fluent's Dropdown is at least 250 px and sizes its text column to the longest word: in a 320 px
  // pane a long name pushed the arrow out of the field. Here the field takes the pane's width, the
  // chosen person is cut with an ellipsis, and the arrow keeps its place.
  root: { minWidth: 0, width: '100%' },
  button: { gridTemplateColumns: 'minmax(0, 1fr) auto' },
  value: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  listbox: { maxWidth: 'calc(100vw - 16px)' },
  option: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** What the CRM knows of the person: "contact", their account's name, or nothing. */
function standing(view: SenderView | undefined): string | null {
  if (view?.contact) return 'contact';
  if (view?.account) return view.account.name;
  return null;
}

/** The person as one line, for the closed field, its tooltip and typing to find. */
function describe(party: MessageParty, view: SenderView | undefined): string {
  const who = party.name ? `${party.name} <${party.email}>` : party.email;
  const known = standing(view);
  return known ? `${who}, ${known}` : who;
}

/** A message or meeting can be with several people: the user picks whose record to see. */
export function CounterpartPicker({ counterparts, views, chosen, onChoose, on = 'message' }: Props) {
  const styles = useStyles();
  const byAddress = new Map(views.map((view) => [view.address, view]));
  const selected = counterparts.find((party) => party.email === chosen) ?? counterparts[0]!;
  const full = describe(selected, byAddress.get(selected.email));
  const short = [selected.name ?? selected.email, standing(byAddress.get(selected.email))]
    .filter(Boolean)
    .join(', ');
  return (
    <Field label={`${counterparts.length} people on this ${on}`}>
      <Dropdown
        className={styles.root}
        button={{
          className: styles.button,
          title: full,
          children: <span className={styles.value}>{short}</span>,
        }}
        listbox={{ className: styles.listbox }}
        value={full}
        selectedOptions={[selected.email]}
        onOptionSelect={(_, data) => data.optionValue && onChoose(data.optionValue)}
      >
        {counterparts.map((party) => {
          const known = standing(byAddress.get(party.email));
          return (
            <Option key={party.email} value={party.email} text={describe(party, byAddress.get(party.email))}>
              <span className={styles.option}>
                <span>{party.name ?? <AddressText address={party.email} />}</span>
                <span className={styles.detail}>
                  {party.name && <AddressText address={party.email} />}
                  {party.name && known && ' · '}
                  {known}
                </span>
              </span>
            </Option>
          );
        })}
      </Dropdown>
    </Field>
  );
}
