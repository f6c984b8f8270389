import { useState } from 'react';
import type { ApiError } from '@inbox-crm/shared/client';
import { asApiError } from './use-request.js';

/**
 * One write from a form: busy while it runs, the failure in plain words when it fails. After a
 * success the form stays busy, since the screen is about to move on and must not be sent twice;
 * a `reusable` one (a button that stays on screen) is ready again.
 */
export function useSubmission({ reusable = false } = {}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  async function submit(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      if (reusable) setBusy(false);
    } catch (error) {
      setFailure(asApiError(error));
      setBusy(false);
    }
  }
  return { busy, failure, submit };
}
