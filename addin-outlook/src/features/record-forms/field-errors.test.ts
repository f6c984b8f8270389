import { describe, expect, it } from 'vitest';
import { ApiError } from '@inbox-crm/shared/client';
import { fieldErrors } from './field-errors.js';

describe('refusals beside their fields', () => {
  it('places each detail by the body field its path names, in words', () => {
    const error = new ApiError(400, 'validation_failed', 'The body is not valid.', [
      { in: 'body', path: '/name', message: 'must NOT have fewer than 1 characters' },
      { in: 'body', path: '/emails/1', message: 'must match format "email"' },
      { in: 'body', path: '/emails/2', message: 'must match format "email"' },
      { in: 'body', path: '/', message: 'must have required property' },
    ]);
    expect(fieldErrors(error)).toEqual({ name: 'Fill this in.', emails: 'Is not an email address.' });
  });

  it('uses the error’s own sentence for a detail without one (a free-mail domain)', () => {
    const error = new ApiError(
      422,
      'free_mail_domain',
      'gmail.com is a free-mail domain: it cannot identify an account.',
      [{ path: '/domains/0', domain: 'gmail.com' }],
    );
    expect(fieldErrors(error)).toEqual({
      domains: 'gmail.com is a free-mail domain: it cannot identify an account.',
    });
    expect(fieldErrors(null)).toEqual({});
  });
});
