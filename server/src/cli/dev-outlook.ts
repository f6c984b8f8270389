import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import devCerts from 'office-addin-dev-certs';

// Where office-addin-dev-certs keeps its certificates (its defaults module, which it does not export).
const CERTIFICATES = join(homedir(), '.office-addin-dev-certs');
const CERT_FILE = join(CERTIFICATES, 'localhost.crt');
const KEY_FILE = join(CERTIFICATES, 'localhost.key');
const CA_FILE = join(CERTIFICATES, 'ca.crt');

const port = process.env.PORT ?? '3000';
const publicUrl = `https://localhost:${port}`;
const server = fileURLToPath(new URL('../server.js', import.meta.url));

/** The environment that makes the server serve HTTPS on localhost with Office's development certificate. */
function devServerEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: port,
    PUBLIC_URL: publicUrl,
    HTTPS_CERT_FILE: CERT_FILE,
    HTTPS_KEY_FILE: KEY_FILE,
  };
}

const SIDELOAD_STEPS = [
  '',
  'Sideload the add-in into your own Outlook:',
  `  1. Download the manifest: ${publicUrl}/manifests/outlook.xml`,
  '  2. Outlook on the web or new Outlook: open a message, choose Apps (or "Get Add-ins") → My add-ins →',
  '     "Add a custom add-in" → "Add from file…", and pick the manifest.',
  '  3. Classic Outlook for Windows or Mac: File → Manage Add-ins (or Get Add-ins) → My add-ins → Add from file.',
  `  4. Open a message and choose "Inbox CRM" on the ribbon. The console is at ${publicUrl}/app/.`,
  '',
].join('\n');

/**
 * `pnpm dev:outlook`: makes and trusts Office's development certificates (office-addin-dev-certs
 * asks for the administrator password the first time), then runs the server over HTTPS on
 * localhost, where Outlook accepts an add-in, and says how to sideload it.
 */
async function main(): Promise<void> {
  try {
    await devCerts.getHttpsServerOptions();
  } catch (error) {
    if (!existsSync(CERT_FILE)) throw error;
    console.warn(
      `The development certificate exists but its authority could not be trusted here (${(error as Error).message}).\n` +
        `Trust ${CA_FILE} in your system or browser, or Outlook will refuse the pane.`,
    );
  }
  console.log(SIDELOAD_STEPS);
  const child = spawn(process.execPath, [server], { env: devServerEnvironment(), stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`Could not start the Outlook development server: ${(error as Error).message}`);
  process.exit(1);
});
