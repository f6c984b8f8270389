import { Field, Input, makeStyles, Radio, RadioGroup, Select, tokens } from '@fluentui/react-components';
import {
  IMPORT_DATE_FORMATS,
  IMPORT_DELIMITERS,
  IMPORT_ENCODINGS,
  IMPORT_MODE_WORDS,
  type ImportDateFormat,
  type ImportDelimiter,
  type ImportEncoding,
  type ImportMode,
  type ImportSettingsChange,
} from '@inbox-crm/shared/client';
import { Section } from '../../ui/section.js';
import type { CsvImport } from './import-words.js';

const ENCODING_WORDS: Record<ImportEncoding, string> = {
  'utf-8': 'Unicode (UTF-8)',
  'windows-1252': 'Western European (Windows-1252)',
};
const DELIMITER_WORDS: Record<ImportDelimiter, string> = {
  ',': 'Comma (,)',
  ';': 'Semicolon (;)',
  '\t': 'Tab',
  '|': 'Vertical bar (|)',
};
const DATE_WORDS: Record<ImportDateFormat, string> = {
  iso: '2026-03-31',
  'dd/MM/yyyy': '31/03/2026',
  'MM/dd/yyyy': '03/31/2026',
  'dd.MM.yyyy': '31.03.2026',
};
const TAKES_DATES = new Set(['opportunity', 'note', 'call']);

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 14rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  // A select is as wide as its longest option unless told otherwise: on a narrow pane it must not be.
  field: { minWidth: 0 },
  select: { width: '100%', minWidth: 0 },
});

/** "Line 2: Email, First name, Last name…" */
const lineWords = (cells: readonly string[], index: number) => {
  const shown = cells
    .filter((cell) => cell.trim() !== '')
    .slice(0, 3)
    .join(', ');
  return `Line ${index + 1}: ${shown || '(empty)'}${cells.length > 3 ? '…' : ''}`;
};

/** How the file is read (encoding, delimiter, the line of column names, dates) and what the import may do. */
export function FileReading(props: {
  item: CsvImport;
  disabled: boolean;
  onChange: (change: ImportSettingsChange) => void;
}) {
  const styles = useStyles();
  const { settings, sample } = props.item;
  return (
    <Section title="How the file reads">
      <div className={styles.grid}>
        <Field label="Characters" className={styles.field}>
          <Select
            className={styles.select}
            value={settings.encoding}
            disabled={props.disabled}
            onChange={(_, data) => props.onChange({ encoding: data.value as ImportEncoding })}
          >
            {IMPORT_ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>
                {ENCODING_WORDS[encoding]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Columns separated by" className={styles.field}>
          <Select
            className={styles.select}
            value={settings.delimiter}
            disabled={props.disabled}
            onChange={(_, data) => props.onChange({ delimiter: data.value as ImportDelimiter })}
          >
            {IMPORT_DELIMITERS.map((delimiter) => (
              <option key={delimiter} value={delimiter}>
                {DELIMITER_WORDS[delimiter]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Column names are on" className={styles.field}>
          <Select
            className={styles.select}
            value={String(settings.headerRow)}
            disabled={props.disabled}
            onChange={(_, data) => props.onChange({ headerRow: Number(data.value) })}
          >
            {sample.map((cells, index) => (
              <option key={index} value={String(index + 1)}>
                {lineWords(cells, index)}
              </option>
            ))}
          </Select>
        </Field>
        {TAKES_DATES.has(props.item.recordType) && (
          <Field label="Dates are written like" className={styles.field}>
            <Select
              className={styles.select}
              value={settings.dateFormat}
              disabled={props.disabled}
              onChange={(_, data) => props.onChange({ dateFormat: data.value as ImportDateFormat })}
            >
              {IMPORT_DATE_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {DATE_WORDS[format]}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {props.item.recordType === 'opportunity' && (
          <Field
            label="Currency of amounts without one"
            hint="A three-letter code, such as EUR"
            className={styles.field}
          >
            <Input
              defaultValue={settings.currency}
              maxLength={3}
              disabled={props.disabled}
              onBlur={(event) => {
                const currency = event.target.value.trim().toUpperCase();
                if (/^[A-Z]{3}$/.test(currency) && currency !== settings.currency)
                  props.onChange({ currency });
              }}
            />
          </Field>
        )}
      </div>
      <Field label="The import may">
        <RadioGroup
          value={settings.mode}
          disabled={props.disabled}
          onChange={(_, data) => props.onChange({ mode: data.value as ImportMode })}
        >
          {(Object.keys(IMPORT_MODE_WORDS) as ImportMode[]).map((mode) => (
            <Radio key={mode} value={mode} label={IMPORT_MODE_WORDS[mode]} />
          ))}
        </RadioGroup>
      </Field>
    </Section>
  );
}
