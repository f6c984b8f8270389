import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { consoleRecordPath, type RecordType } from '@inbox-crm/shared/client';
import { useNavigate } from '../console/console-link.js';
import { RecordFormDialog } from './record-form-dialog.js';

const CreateRecordContext = createContext<(type: RecordType) => void>(() => undefined);

/**
 * The console's "New account", "New case"… form: one dialog above every page, so that it closes
 * properly while the console moves to the record it made.
 */
export function CreateRecordProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState<{ type: RecordType; open: boolean }>({
    type: 'account',
    open: false,
  });
  const start = useCallback((type: RecordType) => setCreating({ type, open: true }), []);
  const close = () => setCreating((current) => ({ ...current, open: false }));
  return (
    <CreateRecordContext.Provider value={start}>
      {children}
      <RecordFormDialog
        type={creating.type}
        open={creating.open}
        onClose={close}
        onSaved={(created) => {
          close();
          navigate(consoleRecordPath({ type: creating.type, id: created.id }));
        }}
      />
    </CreateRecordContext.Provider>
  );
}

/** Opens the form that creates a record of a type, then shows the record made. */
export const useCreateRecord = () => useContext(CreateRecordContext);
