import { expect } from 'vitest';
import type {
  Import,
  ImportRecordType,
  ImportRowOutcome,
  ImportRun,
  ImportSettingsChange,
} from '@inbox-crm/shared';
import type { Client } from './http.js';
import type { TestWorker } from './test-worker.js';

/** Uploads a CSV file (text, or bytes as they are) to import; answers the import as uploaded. */
export async function uploadCsv(
  client: Client,
  recordType: ImportRecordType,
  file: string | Buffer,
  fileName = `${recordType}s.csv`,
): Promise<Import> {
  const reply = await client.request<Import>(
    'POST',
    `/api/v1/imports?recordType=${recordType}&fileName=${encodeURIComponent(fileName)}`,
    typeof file === 'string' ? Buffer.from(file, 'utf8') : file,
    { 'content-type': 'text/csv' },
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

export async function changeImport(
  client: Client,
  id: string,
  change: ImportSettingsChange,
): Promise<Import> {
  const reply = await client.patch<Import>(`/api/v1/imports/${id}`, change);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

/** Asks for a step (a dry run, the import, a revert) and lets the worker do it. */
export async function runStep(
  client: Client,
  scheduler: TestWorker,
  id: string,
  step: 'preview' | 'start' | 'revert',
): Promise<Import> {
  const asked = await client.post<Import>(`/api/v1/imports/${id}/${step}`);
  expect(asked.status, JSON.stringify(asked.body)).toBe(200);
  await scheduler.worker.drain();
  return (await client.get<Import>(`/api/v1/imports/${id}`)).body;
}

/** Every row outcome of a run, in file order. */
export async function allRows(client: Client, id: string, run: ImportRun): Promise<ImportRowOutcome[]> {
  const rows: ImportRowOutcome[] = [];
  for (let cursor: string | null = ''; cursor !== null;) {
    const reply: { body: { items: ImportRowOutcome[]; nextCursor: string | null } } = await client.get(
      `/api/v1/imports/${id}/rows?run=${run}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    rows.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  }
  return rows;
}

/** A file imported to the end, upload to result, with the settings given. */
export async function importCsv(
  client: Client,
  scheduler: TestWorker,
  recordType: ImportRecordType,
  file: string | Buffer,
  change: ImportSettingsChange = {},
): Promise<Import> {
  const uploaded = await uploadCsv(client, recordType, file);
  if (Object.keys(change).length > 0) await changeImport(client, uploaded.id, change);
  const done = await runStep(client, scheduler, uploaded.id, 'start');
  expect(done.status, JSON.stringify(done)).toBe('done');
  return done;
}
