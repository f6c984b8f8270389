import { Combobox, Option } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { RECORD_TYPE_NAMES, type RecordType } from '@inbox-crm/shared/client';
import { useServices } from '../../ui/services.js';
import { useSearchAsTyped } from '../../ui/use-search-as-typed.js';

const NONE = '';

/**
 * Picks one record of a type by typing part of its name; empties to none. The chosen record's
 * name is read once when the picker opens on an existing choice.
 */
export function RecordPicker(props: { type: RecordType; value: string; onChange: (id: string) => void }) {
  const { api } = useServices();
  const { type, value, onChange } = props;
  const [name, setName] = useState('');
  const [typed, setTyped] = useState<string | null>(null);

  useEffect(() => {
    if (value === NONE) return setName('');
    let current = true;
    api.getRecord(type, value).then(
      (record) => current && setName('name' in record ? record.name : record.subject),
      () => current && setName(''),
    );
    return () => {
      current = false;
    };
  }, [api, type, value]);

  const hits = useSearchAsTyped(typed ?? '', [type]).hits ?? [];

  const noun = RECORD_TYPE_NAMES[type].toLowerCase();
  return (
    <Combobox
      value={typed ?? name}
      selectedOptions={value === NONE ? [] : [value]}
      placeholder={`Type to find ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`}
      onChange={(event) => setTyped(event.target.value)}
      onOptionSelect={(_, data) => {
        setTyped(null);
        if (data.optionValue === undefined) return;
        setName(data.optionText ?? '');
        onChange(data.optionValue);
      }}
      onBlur={() => setTyped(null)}
    >
      <Option value={NONE} text="">
        {`No ${noun}`}
      </Option>
      {value !== NONE && name && !hits.some((hit) => hit.id === value) && (
        <Option value={value} text={name}>
          {name}
        </Option>
      )}
      {hits.map((hit) => (
        <Option key={hit.id} value={hit.id} text={hit.name}>
          {hit.detail ? `${hit.name} · ${hit.detail}` : hit.name}
        </Option>
      ))}
    </Combobox>
  );
}
