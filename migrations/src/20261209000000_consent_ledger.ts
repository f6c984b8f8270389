import type { Knex } from 'knex';

// Consent as a ledger: every answer a contact gave for a purpose is an entry, never changed; the
// current answer per purpose is kept beside it in the same transaction, so lists can filter on it.
const UP = [
  `CREATE TABLE consent_entries (
    org_id uuid NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    purpose text NOT NULL CHECK (purpose IN ('marketing_email', 'newsletter', 'phone_calls')),
    state text NOT NULL CHECK (state IN ('opt_in', 'soft_opt_in', 'opt_out')),
    lawful_basis text CHECK (lawful_basis IN ('consent', 'legitimate_interests', 'contract', 'legal_obligation')),
    source text NOT NULL CHECK (char_length(source) BETWEEN 1 AND 200),
    wording text CHECK (char_length(wording) <= 2000),
    email text CHECK (email = lower(email)),
    given_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by uuid,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, recorded_by) REFERENCES users (org_id, id),
    CHECK ((state = 'opt_out') = (lawful_basis IS NULL)),
    CHECK (state <> 'soft_opt_in' OR lawful_basis = 'legitimate_interests')
  )`,
  `CREATE INDEX consent_entries_contact ON consent_entries (org_id, contact_id, given_at DESC, id DESC)`,
  `CREATE TABLE contact_consents (
    org_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    purpose text NOT NULL,
    state text NOT NULL,
    given_at timestamptz NOT NULL,
    entry_id uuid NOT NULL,
    PRIMARY KEY (org_id, contact_id, purpose),
    FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, entry_id) REFERENCES consent_entries (org_id, id) ON DELETE CASCADE
  )`,
  // Lists filter contacts by a purpose's answer.
  `CREATE INDEX contact_consents_by_state ON contact_consents (org_id, purpose, state, contact_id)`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of UP) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE contact_consents');
  await knex.raw('DROP TABLE consent_entries');
}
