import type { EmailFile, StoredEmailSource } from '@inbox-crm/shared';

/** A filing as the server takes it in: from a client (EmailFile), or read from a support mailbox. */
export type FilingInput = Omit<EmailFile, 'source'> & {
  source: StoredEmailSource;
  /** Set when the organisation keeps metadata only: the bodies and files were left out on purpose. */
  contentRemoved?: 'metadata_only';
};
