import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '@inbox-crm/addin-outlook/testing';

/**
 * Why browser tests cannot run here, or null when they can. CI installs Chromium (see .ci/run), so
 * there a missing browser fails the run instead of skipping it.
 */
export function chromiumMissing(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const reason = `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(`${reason}; CI must run the browser tests.`);
  return reason;
}
