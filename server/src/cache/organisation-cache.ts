/**
 * A per-organisation copy of something read on every request and changed rarely (mail settings,
 * user names). Other instances see a change within `ttlMs`; this instance forgets its copy at once
 * when it writes one (forget()). A load in flight is shared, so a burst of requests loads once.
 */
export class OrganisationCache<Value> {
  private readonly entries = new Map<string, { value: Promise<Value>; until: number }>();

  constructor(private readonly ttlMs: number) {}

  get(orgId: string, load: () => Promise<Value>): Promise<Value> {
    const cached = this.entries.get(orgId);
    if (cached && cached.until > Date.now()) return cached.value;
    const value = load();
    this.entries.set(orgId, { value, until: Date.now() + this.ttlMs });
    value.catch(() => this.entries.delete(orgId));
    return value;
  }

  forget(orgId: string): void {
    this.entries.delete(orgId);
  }
}
