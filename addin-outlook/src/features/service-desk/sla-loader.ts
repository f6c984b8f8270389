import type { ApiClient, CaseSla } from '@inbox-crm/shared/client';

/** Clocks are asked for a case at a time and fetched together: a board's cards make one request. */
const BATCH_LIMIT = 100;
/** How long fetched clocks are reused before they are read again. */
const FRESH_MS = 30_000;

interface Loader {
  load(caseId: string): Promise<CaseSla | undefined>;
  forget(caseId: string): void;
}

const loaders = new WeakMap<ApiClient, Loader>();

function createLoader(api: ApiClient): Loader {
  const cache = new Map<string, { at: number; sla: Promise<CaseSla | undefined> }>();
  let waiting = new Map<string, (sla: CaseSla | undefined) => void>();
  let failing = new Map<string, (error: unknown) => void>();

  const flush = () => {
    const batch = waiting;
    const rejects = failing;
    waiting = new Map();
    failing = new Map();
    const ids = [...batch.keys()];
    for (let start = 0; start < ids.length; start += BATCH_LIMIT) {
      const chunk = ids.slice(start, start + BATCH_LIMIT);
      api.caseSla(chunk).then(
        (items) => {
          const found = new Map(items.map((item) => [item.caseId, item]));
          for (const id of chunk) batch.get(id)!(found.get(id));
        },
        (error: unknown) => {
          for (const id of chunk) {
            cache.delete(id);
            rejects.get(id)!(error);
          }
        },
      );
    }
  };

  return {
    load(caseId) {
      const cached = cache.get(caseId);
      if (cached && Date.now() - cached.at < FRESH_MS) return cached.sla;
      const sla = new Promise<CaseSla | undefined>((resolve, reject) => {
        if (waiting.size === 0) queueMicrotask(flush);
        waiting.set(caseId, resolve);
        failing.set(caseId, reject);
      });
      cache.set(caseId, { at: Date.now(), sla });
      return sla;
    },
    forget: (caseId) => cache.delete(caseId),
  };
}

/** The clock loader for this API client: one per signed-in client, shared by every view. */
export function slaLoader(api: ApiClient): Loader {
  let loader = loaders.get(api);
  if (!loader) {
    loader = createLoader(api);
    loaders.set(api, loader);
  }
  return loader;
}
