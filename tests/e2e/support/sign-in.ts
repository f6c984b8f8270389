import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../support/organisation.js';

/** Opens a page of the app and signs in on the form it shows first, as a person would. */
export async function signInAt(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
