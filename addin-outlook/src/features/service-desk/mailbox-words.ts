import type { SupportMailbox } from '@inbox-crm/shared/client';
import { formatMoment } from '../../ui/format.js';

export const SECURITY_WORDS: Record<SupportMailbox['security'], string> = {
  tls: 'TLS (usually port 993)',
  starttls: 'STARTTLS (usually port 143)',
  none: 'None (trusted network only)',
};

export const DEFAULT_PORTS: Record<SupportMailbox['security'], number> = {
  tls: 993,
  starttls: 143,
  none: 143,
};

export const OUTGOING_SECURITY_WORDS: Record<SupportMailbox['security'], string> = {
  tls: 'TLS (usually port 465)',
  starttls: 'STARTTLS (usually port 587)',
  none: 'None (trusted network only)',
};

export const DEFAULT_OUTGOING_PORTS: Record<SupportMailbox['security'], number> = {
  tls: 465,
  starttls: 587,
  none: 25,
};

export const AUTH_WORDS: Record<SupportMailbox['authMethod'], string> = {
  password: 'Password',
  oauth2: 'OAuth2 access token (Google, Microsoft)',
};

/** How a mailbox is doing, in a line an admin reads at a glance. */
export function mailboxStatusLine(mailbox: SupportMailbox): string {
  switch (mailbox.status) {
    case 'connected':
      return mailbox.lastReadAt ? `Connected · last read ${formatMoment(mailbox.lastReadAt)}` : 'Connected';
    case 'waiting':
      return 'Waiting to connect (within a minute)';
    case 'failing':
      return `Not connected${mailbox.lastErrorAt ? ` since ${formatMoment(mailbox.lastErrorAt)}` : ''}: ${mailbox.lastError ?? 'no reason given'}`;
    case 'off':
      return 'Switched off: mail is not read';
  }
}

export const outgoingLine = (mailbox: SupportMailbox) =>
  mailbox.outgoing
    ? `sends through ${mailbox.outgoing.host}:${mailbox.outgoing.port}`
    : 'sends through the CRM server’s mail';

export const afterReadingLine = (mailbox: SupportMailbox) =>
  mailbox.afterReading === 'move'
    ? `read mail moves to ${mailbox.moveToFolder}`
    : 'read mail is marked as read';
