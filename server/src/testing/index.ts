// The server's test kit, for the system suites and benchmarks: a real IMAP server to read support
// mail from. The server itself never imports it.
export { dovecotMissing, startDovecot, type Dovecot, type ImapUser } from './dovecot.js';
