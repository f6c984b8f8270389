import type { Db } from '../../db/types.js';

const FRESH_MS = 30_000;

/**
 * How many bytes of attachment content each organisation keeps, as this instance knows it. Summing
 * an organisation's content scans its rows, so it is read every half minute, and in between each
 * filing this instance lets through is added (whether or not its content was new: the count errs
 * high). Other instances' filings show at the next read: a burst on several instances at once can
 * pass the limit by what they file in that time.
 */
export class StorageUsage {
  private readonly known = new Map<string, { bytes: Promise<number>; until: number }>();

  constructor(private readonly read: (db: Db, orgId: string) => Promise<number>) {}

  bytes(db: Db, orgId: string): Promise<number> {
    const entry = this.known.get(orgId);
    if (entry && entry.until > Date.now()) return entry.bytes;
    const bytes = this.read(db, orgId);
    this.known.set(orgId, { bytes, until: Date.now() + FRESH_MS });
    bytes.catch(() => this.known.delete(orgId));
    return bytes;
  }

  add(orgId: string, bytes: number): void {
    const entry = this.known.get(orgId);
    if (entry) this.known.set(orgId, { ...entry, bytes: entry.bytes.then((known) => known + bytes) });
  }
}
