import { Dropdown, Field, Option } from '@fluentui/react-components';
import type { MessageParty, SenderView } from '@inbox-crm/shared/client';

interface Props {
  counterparts: MessageParty[];
  views: SenderView[];
  chosen: string | null;
  onChoose: (address: string) => void;
}

function describe(party: MessageParty, view: SenderView | undefined): string {
  const who = party.name ? `${party.name} <${party.email}>` : party.email;
  if (view?.contact) return `${who}, contact`;
  if (view?.account) return `${who}, ${view.account.name}`;
  return who;
}

/** Sent mail and drafts can be with several people: the user picks whose record to see. */
export function CounterpartPicker({ counterparts, views, chosen, onChoose }: Props) {
  const byAddress = new Map(views.map((view) => [view.address, view]));
  const selected = counterparts.find((party) => party.email === chosen) ?? counterparts[0]!;
  return (
    <Field label={`${counterparts.length} people on this message`}>
      <Dropdown
        value={describe(selected, byAddress.get(selected.email))}
        selectedOptions={[selected.email]}
        onOptionSelect={(_, data) => data.optionValue && onChoose(data.optionValue)}
      >
        {counterparts.map((party) => (
          <Option key={party.email} value={party.email}>
            {describe(party, byAddress.get(party.email))}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
