import { isFreeMailDomain, registrableDomain, toE164 } from '@inbox-crm/shared';
import { Unprocessable, ValidationFailed } from '../../errors.js';

/** Account domains as their registrable parts, without repeats; free-mail and invalid ones refused. */
export function normalizeDomains(domains: readonly string[], extraFreeMail: readonly string[]): string[] {
  const result: string[] = [];
  domains.forEach((raw, index) => {
    const domain = registrableDomain(raw);
    if (domain === null) {
      throw new ValidationFailed(`"${raw}" is not a domain name.`, [
        { in: 'body', path: `/domains/${index}`, message: 'is not a domain name' },
      ]);
    }
    if (isFreeMailDomain(domain, extraFreeMail)) {
      throw new Unprocessable(
        'free_mail_domain',
        `${domain} is a free-mail domain: it cannot identify an account.`,
        [{ path: `/domains/${index}`, domain }],
      );
    }
    if (!result.includes(domain)) result.push(domain);
  });
  return result;
}

/** A phone number in E.164, or a 400 naming the field. */
export function normalizePhone(raw: string, defaultCountry: string, path: string): string {
  const phone = toE164(raw, defaultCountry);
  if (phone === null) {
    throw new ValidationFailed(`"${raw}" is not a valid phone number.`, [
      { in: 'body', path, message: 'is not a valid phone number' },
    ]);
  }
  return phone;
}
