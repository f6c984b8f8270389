import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, CLIENT_ERROR_CODES } from '@inbox-crm/shared/client';

export type RequestState<T> =
  { status: 'loading' } | { status: 'done'; data: T } | { status: 'failed'; error: ApiError };

/** Any failure as an ApiError, so every screen shows one kind of problem. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return new ApiError(0, CLIENT_ERROR_CODES.client, message);
}

/**
 * Runs `load` when `key` changes and on reload(). An answer that arrives after the key moved on
 * (the user opened another message) is dropped, so a screen never shows a previous item's data.
 */
export function useRequest<T>(key: string, load: () => Promise<T>) {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const quiet = useRef(false);

  useEffect(() => {
    let current = true;
    if (!quiet.current) setState({ status: 'loading' });
    quiet.current = false;
    loadRef.current().then(
      (data) => current && setState({ status: 'done', data }),
      (error: unknown) => current && setState({ status: 'failed', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  /** Loads again while the current data stays on screen (after a write that changes it). */
  const refresh = useCallback(() => {
    quiet.current = true;
    setRound((value) => value + 1);
  }, []);
  /** Replaces the loaded data after a write answered with the new state. */
  const update = useCallback(
    (change: (data: T) => T) =>
      setState((previous) =>
        previous.status === 'done' ? { status: 'done', data: change(previous.data) } : previous,
      ),
    [],
  );
  return { state, reload, refresh, update };
}
