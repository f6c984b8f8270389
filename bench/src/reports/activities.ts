import type pg from 'pg';
import { BENCH_ADMIN_EMAIL } from '../lookup/data-set.js';
import { positional } from '../lookup/named-parameters.js';
import { ownerIds, ownerOf } from '../lookup/owners.js';

// The lookup data set's activities all belong to the admin and its emails were all filed at load
// time, which makes a team's activity and correspondence empty and puts a year of filing in one
// week. This gives each activity (and its links) an owner spread as the records' are, and files
// each email by that owner within a day of its sending, as people file the mail they receive.
const STEPS: ReadonlyArray<[label: string, sql: string]> = [
  ['activities owned by the people', `UPDATE activities SET owner_id = ${ownerOf('id')} WHERE org_id = :org`],
  [
    'their links say the same owner',
    `UPDATE activity_links SET owner_id = ${ownerOf('activity_id')} WHERE org_id = :org`,
  ],
  [
    'emails filed by their owner within a day of sending',
    `UPDATE email_messages
     SET filed_by = ${ownerOf('activity_id')},
         filed_at = least(now(), sent_at + ((hashtext(activity_id::text) & 1023) % 24 + 1) * interval '1 hour')
     WHERE org_id = :org`,
  ],
];

/** Spreads the activities over their owners and the emails' filing over the year, once. */
export async function spreadActivities(client: pg.Client, orgId: string): Promise<void> {
  const admin = await client.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
    BENCH_ADMIN_EMAIL,
  ]);
  const adminId = admin.rows[0]!.id;
  const spread = await client.query('SELECT 1 FROM activities WHERE org_id = $1 AND owner_id <> $2 LIMIT 1', [
    orgId,
    adminId,
  ]);
  if (spread.rowCount !== 0) return;
  console.log('Giving the data set’s activities their owners and its emails a time of filing…');
  // One transaction: an activity owned by someone else is the mark that every step was done.
  await client.query('BEGIN');
  try {
    for (const [label, sql] of STEPS) {
      const started = Date.now();
      const result = await client.query(...positional(sql, { org: orgId, owners: ownerIds(adminId) }));
      console.log(`  ${label}: ${result.rowCount} rows (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('VACUUM (ANALYZE) activities, activity_links, email_messages');
}
