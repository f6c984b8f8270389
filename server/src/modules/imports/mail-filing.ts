import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import { DomainError } from '../../errors.js';
import { receiveFilesWithinRoom, type AttachmentLimits } from '../attachments/index.js';
import {
  checkFiling,
  fileEmailIdIn,
  readInboundMessage,
  UnreadableMessage,
  type InboundMessage,
} from '../emails/index.js';
import { mailSettings } from '../organisation/index.js';
import type { ArchivedMessage } from './mail-archive.js';
import { recordsOfParticipants } from './mail-links.js';
import { refused, type RowOutcome } from './outcome.js';

const labelOf = (message: InboundMessage) => message.subject || '(no subject)';

const outcome = (
  line: number,
  action: RowOutcome['action'],
  label: string,
  recordId: string | null,
  reason: string | null,
): RowOutcome => ({
  rowNumber: line,
  action,
  label,
  recordId,
  reason,
  changedFields: [],
  cells: null,
  previous: null,
  applied: null,
  createdAccountId: null,
});

/**
 * Files one archived message to the records its participants match, as the person importing; in a
 * savepoint, so a refusal undoes only it. The same message again (by Message-ID, or the key derived
 * without one) is the same email: it is reported as already there.
 */
export async function fileArchivedMessage(
  trx: Knex.Transaction,
  actor: Actor,
  message: ArchivedMessage,
  limits: AttachmentLimits,
): Promise<RowOutcome> {
  let read: InboundMessage;
  try {
    read = await readInboundMessage(message.raw, message.receivedAt ?? new Date());
  } catch (error) {
    if (error instanceof UnreadableMessage)
      return refused(message.line, null, error.subject ?? '', error.reason);
    throw error;
  }
  const label = labelOf(read);
  try {
    return await trx.transaction(async (savepoint) => {
      const settings = await mailSettings(savepoint, actor.orgId);
      const { filing } = await checkFiling(savepoint, actor.orgId, {
        messageId: read.messageId,
        inReplyTo: read.inReplyTo,
        references: read.references,
        subject: read.subject,
        from: read.from,
        to: read.to,
        cc: read.cc,
        sentAt: read.sentAt,
        bodyText: read.text,
        bodyHtml: read.html,
        source: 'import',
        links: [],
      });
      const people = [filing.from, ...filing.to, ...(filing.cc ?? [])].map((person) => person.email);
      const links = await recordsOfParticipants(savepoint, actor.orgId, settings, people);
      if (links.length === 0) {
        return outcome(
          message.line,
          'skip',
          label,
          null,
          'Nobody on it is a contact or works at an account.',
        );
      }
      const files = await receiveFilesWithinRoom(savepoint, actor.orgId, read.files, limits);
      const filed = await fileEmailIdIn(savepoint, actor, { ...filing, links }, files);
      return outcome(message.line, filed.created ? 'create' : 'unchanged', label, filed.id, null);
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Nothing of someone who asked to be forgotten is kept, not even the subject of their mail.
    if (error.code === 'suppressed')
      return refused(message.line, null, '', 'Everyone from outside on it asked to be forgotten.');
    return refused(message.line, null, label, error.message);
  }
}
