import { Button, Field, makeStyles, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  IMPORT_RECORD_TYPE_NAMES,
  IMPORT_RECORD_TYPES,
  MAX_IMPORT_BYTES,
  MAX_MAIL_IMPORT_BYTES,
  type ImportRecordType,
} from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { useNavigate } from '../console/console-link.js';
import { CONSOLE_PATHS } from '../console/console-route.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  field: { minWidth: '12rem', maxWidth: '100%' },
  // The browser's own file picker: it names the chosen file and works with the keyboard everywhere.
  file: { maxWidth: '100%', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300 },
});

/** Picks what a CSV file holds and the file itself, and uploads it; the import page takes it from there. */
export function UploadForm({ recordType }: { recordType: ImportRecordType | null }) {
  const styles = useStyles();
  const { api } = useServices();
  const navigate = useNavigate();
  const [type, setType] = useState<ImportRecordType | 'email'>(recordType ?? 'contact');
  const [file, setFile] = useState<File | null>(null);
  const upload = useSubmission();
  const mail = type === 'email';
  const limit = mail ? MAX_MAIL_IMPORT_BYTES : MAX_IMPORT_BYTES;
  const tooLarge = file !== null && file.size > limit;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (!file) return;
        void upload.submit(async () => {
          const uploaded = mail
            ? await api.uploadMailImport(file, file.name)
            : await api.uploadImport(type, file, file.name);
          navigate(CONSOLE_PATHS.import(uploaded.id));
        });
      }}
    >
      <Field label="The file holds" className={styles.field}>
        <Select value={type} onChange={(_, data) => setType(data.value as ImportRecordType | 'email')}>
          {IMPORT_RECORD_TYPES.map((name) => (
            <option key={name} value={name}>
              {IMPORT_RECORD_TYPE_NAMES[name]}
            </option>
          ))}
          <option value="email">Emails (an .mbox or .eml archive)</option>
        </Select>
      </Field>
      <Field
        label={mail ? 'Archive file' : 'CSV file'}
        className={styles.field}
        validationState={tooLarge ? 'error' : 'none'}
        validationMessage={
          tooLarge ? 'The file is larger than 64 MB: split it and import the parts.' : undefined
        }
      >
        <input
          className={styles.file}
          type="file"
          accept={mail ? '.mbox,.mbx,.eml,message/rfc822' : '.csv,.txt,text/csv'}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </Field>
      <Button type="submit" appearance="primary" disabled={file === null || tooLarge || upload.busy}>
        {upload.busy ? <Spinner size="tiny" label="Uploading…" /> : 'Upload'}
      </Button>
      {upload.failure && <ProblemMessage error={upload.failure} />}
      <Text size={200}>
        {mail
          ? 'Each message is filed to the contacts and accounts its people match, once however often it appears; messages that match nobody are skipped.'
          : 'A file with the column names on one line, from Excel (Save as: CSV UTF-8) or any other CRM. Nothing is imported until you have checked how it reads.'}
      </Text>
    </form>
  );
}
