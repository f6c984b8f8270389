import { registrableDomain } from './registrable-domain.js';

/**
 * Consumer mailbox providers: an address at one of these says nothing about the person's company,
 * so it never matches or creates an account. Admins extend the list per organisation.
 */
export const FREE_MAIL_DOMAINS: readonly string[] = [
  'aol.com',
  'att.net',
  'btinternet.com',
  'comcast.net',
  'fastmail.com',
  'free.fr',
  'gmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'googlemail.com',
  'hey.com',
  'hotmail.co.uk',
  'hotmail.com',
  'hotmail.fr',
  'icloud.com',
  'laposte.net',
  'libero.it',
  'live.com',
  'mac.com',
  'mail.com',
  'mail.ru',
  'me.com',
  'msn.com',
  'naver.com',
  'orange.fr',
  'outlook.com',
  'pm.me',
  'proton.me',
  'protonmail.com',
  'qq.com',
  'rediffmail.com',
  'seznam.cz',
  'sky.com',
  't-online.de',
  'tutanota.com',
  'verizon.net',
  'web.de',
  'yahoo.co.jp',
  'yahoo.co.uk',
  'yahoo.com',
  'yahoo.fr',
  'yandex.com',
  'yandex.ru',
  'ymail.com',
  'zoho.com',
];

const builtIn = new Set(FREE_MAIL_DOMAINS);

/** True when the domain (or its registrable part) is a consumer mail provider, built in or added by the organisation. */
export function isFreeMailDomain(domain: string, extra: readonly string[] = []): boolean {
  const host = domain.toLowerCase();
  const registrable = registrableDomain(host) ?? host;
  return builtIn.has(host) || builtIn.has(registrable) || extra.includes(host) || extra.includes(registrable);
}
