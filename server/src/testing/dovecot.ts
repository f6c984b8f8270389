import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect as connectTcp, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';

/** Why the IMAP tests cannot run here, or null when they can (CI installs Dovecot, so never there). */
export function dovecotMissing(): string | null {
  if (existsSync(DOVECOT)) return null;
  if (process.env.CI) throw new Error(`${DOVECOT} is missing: .ci/run installs dovecot-imapd.`);
  return 'Dovecot is not installed here (apt-get install dovecot-imapd); .ci/run installs it in CI.';
}

export interface ImapUser {
  user: string;
  password: string;
}

export interface Dovecot {
  host: string;
  port: number;
  /** Appends a raw RFC 5322 message to a user's folder; answers its UID. */
  append(user: ImapUser, raw: string, folder?: string): Promise<number>;
  /** The flags of each message in a user's folder, by UID. */
  flags(user: ImapUser, folder?: string): Promise<Map<number, Set<string>>>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function config(folder: string, port: number): string {
  return `
base_dir = ${folder}/run
state_dir = ${folder}/state
log_path = ${folder}/dovecot.log
instance_name = inboxcrm-test-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# A wrong password is answered at once, and does not slow later sign-ins (tests sign in wrongly on
# purpose, all from 127.0.0.1): no failure delay, and anvil's auth penalty is off (its listener's mode 0).
auth_failure_delay = 0
mail_location = maildir:${folder}/mail/%u
first_valid_uid = 100
default_login_user = dovenull
default_internal_user = dovecot
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${folder}/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${folder}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
`;
}

async function waitForPort(port: number, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connectTcp(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Dovecot did not listen on ${port}: ${log()}`);
}

/** A real Dovecot IMAP server in a temporary folder, on a free loopback port, with these users. */
export async function startDovecot(users: readonly ImapUser[]): Promise<Dovecot> {
  const folder = await mkdtemp(path.join(tmpdir(), 'inboxcrm-dovecot-'));
  // Dovecot drops to `nobody` for mail: the folder must be reachable and the mail folder writable.
  await chmod(folder, 0o755);
  await writeFile(
    path.join(folder, 'passwd'),
    users.map(({ user, password }) => `${user}:{PLAIN}${password}::::::`).join('\n') + '\n',
  );
  await mkdir(path.join(folder, 'mail'), { mode: 0o777 });
  await chmod(path.join(folder, 'mail'), 0o777);
  const port = await freePort();
  const file = path.join(folder, 'dovecot.conf');
  await writeFile(file, config(folder, port));
  let output = '';
  const child: ChildProcess = spawn(DOVECOT, ['-c', file, '-F'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(port, () => output);

  const connect = async (user: ImapUser) => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user: user.user, pass: user.password },
      logger: false,
    });
    await client.connect();
    return client;
  };

  return {
    host: '127.0.0.1',
    port,
    async append(user, raw, folder = 'INBOX') {
      const client = await connect(user);
      try {
        if (folder !== 'INBOX') await client.mailboxCreate(folder).catch(() => undefined);
        const appended = await client.append(folder, raw);
        return appended ? Number(appended.uid) : 0;
      } finally {
        await client.logout();
      }
    },
    async flags(user, folder = 'INBOX') {
      const client = await connect(user);
      try {
        const lock = await client.getMailboxLock(folder);
        try {
          const flags = new Map<number, Set<string>>();
          if (client.mailbox && client.mailbox.exists === 0) return flags;
          for await (const message of client.fetch('1:*', { uid: true, flags: true }, { uid: false })) {
            flags.set(message.uid, message.flags ?? new Set());
          }
          return flags;
        } finally {
          lock.release();
        }
      } finally {
        await client.logout();
      }
    },
    async close() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(folder, { recursive: true, force: true });
    },
  };
}
