export interface PersonName {
  firstName: string;
  lastName: string;
}

const capitalize = (word: string) => (word === '' ? '' : word[0]!.toUpperCase() + word.slice(1));

/**
 * First and last name from how the mail client shows a person ("Jane Doe", "Doe, Jane"), or from
 * the address's local part ("jane.doe@…") when it shows none.
 */
export function nameFromDisplayName(displayName: string | null, address: string): PersonName {
  const shown = (displayName ?? '').replace(/["']/g, '').trim();
  if (shown !== '' && !shown.includes('@')) {
    const comma = shown.indexOf(',');
    if (comma > 0)
      return { firstName: shown.slice(comma + 1).trim(), lastName: shown.slice(0, comma).trim() };
    const words = shown.split(/\s+/);
    return words.length === 1
      ? { firstName: words[0]!, lastName: '' }
      : { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1)! };
  }
  const local = address.split('@')[0] ?? '';
  const words = local.split(/[._-]+/).filter((word) => word !== '' && !/^\d+$/.test(word));
  return { firstName: capitalize(words[0] ?? ''), lastName: words.slice(1).map(capitalize).join(' ') };
}

/** A company name to start from, from its mail domain: northwind-traders.example → Northwind Traders. */
export function accountNameFromDomain(domain: string): string {
  const label = domain.split('.')[0] ?? domain;
  return label.split('-').filter(Boolean).map(capitalize).join(' ');
}
