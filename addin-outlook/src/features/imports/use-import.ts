import { useEffect } from 'react';
import type { Import, ImportStatus } from '@inbox-crm/shared/client';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';

/** States in which the worker is busy with the import: the page reads it again every second. */
export const WORKING: ReadonlySet<ImportStatus> = new Set(['previewing', 'queued', 'running', 'reverting']);
const POLL_MS = 1_000;

/** One import, kept up to date while the worker works on it. */
export function useImport(id: string) {
  const { api } = useServices();
  const request = useRequest(`import:${id}`, () => api.importById(id));
  const current = request.state.status === 'done' ? request.state.data : null;
  const { refresh, update } = request;
  useEffect(() => {
    if (!current || !WORKING.has(current.status)) return;
    const timer = setTimeout(refresh, POLL_MS);
    return () => clearTimeout(timer);
  }, [current, refresh]);
  return { state: request.state, reload: request.reload, replace: (next: Import) => update(() => next) };
}
