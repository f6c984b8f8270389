import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  IMPORT_FIELDS,
  IMPORT_RECORD_TYPE_NAMES,
  mappingProblems,
  type ImportMapping,
} from '@inbox-crm/shared/client';
import { Section } from '../../ui/section.js';
import type { CsvImport } from './import-words.js';

const useStyles = makeStyles({
  columns: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 16rem), 1fr))',
    gap: tokens.spacingVerticalM,
  },
  column: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  select: { width: '100%', minWidth: 0 },
  examples: { color: tokens.colorNeutralForeground3 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** A column's first values under the header row, to tell what it holds. */
function examples(item: CsvImport, column: number): string {
  const values = item.sample
    .slice(item.settings.headerRow)
    .map((cells) => cells[column]?.trim() ?? '')
    .filter((value, index, all) => value !== '' && all.indexOf(value) === index)
    .slice(0, 2);
  return values.length > 0 ? `e.g. ${values.join(', ')}` : 'Empty in the first lines';
}

/** Each column of the file and the field it fills, suggested from its name; what is still missing, in words. */
export function ColumnMapping(props: {
  item: CsvImport;
  disabled: boolean;
  onChange: (mapping: ImportMapping) => void;
}) {
  const styles = useStyles();
  const { item } = props;
  const fields = IMPORT_FIELDS[item.recordType];
  const { mapping } = item.settings;
  const problems = mappingProblems(item.recordType, mapping, item.columns.length, item.settings.mode);
  const choose = (column: number, field: string) => {
    const next: ImportMapping = {};
    for (const [key, value] of Object.entries(mapping)) {
      // A field goes to one column: choosing it here takes it from the column that had it.
      if (key !== String(column) && value !== field) next[key] = value;
    }
    if (field !== '') next[String(column)] = field;
    props.onChange(next);
  };
  return (
    <Section
      title={`Columns and the ${IMPORT_RECORD_TYPE_NAMES[item.recordType].toLowerCase()}’ fields they fill`}
    >
      {problems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <ul className={styles.problems}>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.columns} aria-label="Columns">
        {item.columns.map((name, column) => (
          <li key={column} className={styles.column}>
            <Field label={name}>
              <Select
                className={styles.select}
                value={mapping[String(column)] ?? ''}
                disabled={props.disabled}
                onChange={(_, data) => choose(column, data.value)}
              >
                <option value="">Don’t import</option>
                {fields.map((field) => (
                  <option key={field.key} value={field.key}>
                    {field.label}
                    {field.required === 'always' ? ' (required)' : ''}
                  </option>
                ))}
              </Select>
            </Field>
            <Text size={200} className={styles.examples}>
              {examples(item, column)}
            </Text>
          </li>
        ))}
      </ul>
    </Section>
  );
}
