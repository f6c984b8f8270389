import { describe, expect, it } from 'vitest';
import type { EmailFile } from '../schemas/emails.js';
import { fileKeepingWhatFits } from './attachment-fallback.js';

const email = {
  subject: 'Plans',
  attachments: [
    { name: 'small.txt', contentType: 'text/plain', size: 2, content: 'aGk=' },
    { name: 'scan.pdf', contentType: 'application/pdf', size: 9, content: 'AAAAAAAAAAAA' },
  ],
} as unknown as EmailFile;

const refusal = (code: string, name: string) => Object.assign(new Error(code), { code, details: [{ name }] });

describe('filing what fits', () => {
  it('when the server refuses a file as too large, then the email is filed again with that file by name only', async () => {
    const sent: EmailFile[] = [];
    const result = await fileKeepingWhatFits(email, async (attempt) => {
      sent.push(attempt);
      if (attempt.attachments?.[1]?.content !== undefined) throw refusal('attachment_too_large', 'scan.pdf');
      return 'filed';
    });
    expect(result).toEqual({ filed: 'filed', namesOnly: ['scan.pdf'] });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.attachments!.map((file) => file.content !== undefined)).toEqual([true, false]);
  });

  it('when the refusal is of another kind, then it is not retried', async () => {
    let calls = 0;
    const failing = fileKeepingWhatFits(email, async () => {
      calls += 1;
      throw refusal('never_file', 'scan.pdf');
    });
    await expect(failing).rejects.toThrow('never_file');
    expect(calls).toBe(1);
  });
});

describe('filing what fits, when the request is too large as a whole', () => {
  it('then the largest file still sent with its content is kept by name only first', async () => {
    const sent: EmailFile[] = [];
    const result = await fileKeepingWhatFits(email, async (attempt) => {
      sent.push(attempt);
      if (attempt.attachments!.some((file) => file.content !== undefined && file.size > 5))
        throw Object.assign(new Error('too large'), { code: 'payload_too_large' });
      return 'filed';
    });
    expect(result.namesOnly).toEqual(['scan.pdf']);
    expect(sent[1]!.attachments![0]!.content).toBe('aGk=');
  });
});
