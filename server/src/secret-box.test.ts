import { describe, expect, it } from 'vitest';
import { secretBox } from './secret-box.js';

describe('the secret box', () => {
  it('when a secret is sealed, then the stored text does not contain it and opens to it with the same key only', () => {
    const box = secretBox('k'.repeat(40));
    const sealed = box.seal('correct horse battery staple', 'org:mailbox-1');
    expect(sealed).not.toContain('correct horse');
    expect(box.seal('correct horse battery staple', 'org:mailbox-1')).not.toBe(sealed);
    expect(box.open(sealed, 'org:mailbox-1')).toBe('correct horse battery staple');
    expect(() =>
      secretBox('another key of forty characters .......').open(sealed, 'org:mailbox-1'),
    ).toThrow();
    // Copied to another mailbox's row, it does not open there.
    expect(() => box.open(sealed, 'org:mailbox-2')).toThrow();
  });

  it('when a sealed secret is altered, then it does not open', () => {
    const box = secretBox('k'.repeat(40));
    const [version, nonce, tag, data] = box.seal('hunter2', 'owner').split('.');
    const flipped = data![0] === 'A' ? `B${data!.slice(1)}` : `A${data!.slice(1)}`;
    expect(() => box.open([version, nonce, tag, flipped].join('.'), 'owner')).toThrow();
    expect(() => box.open('plain text', 'owner')).toThrow(/not sealed by this server/);
  });
});
