import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../errors.js';
import { checkWebhookUrl } from './webhook-url.js';

const publicOnly = { allowPrivate: false };
const privateAllowed = { allowPrivate: true };

describe('a webhook URL', () => {
  it.each([
    'http://127.1:8080/',
    'https://0x7f000001/',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://169.254.169.254/latest/meta-data',
    'https://10.0.0.1/',
    'https://172.16.0.1/',
    'https://192.168.0.10/',
    'https://100.64.0.1/',
    'https://0.0.0.0/',
    'https://[fd00::1]/',
    'https://localhost/',
    'https://localhost./',
    'https://LocalHost:8443/',
    'https://api.localhost/',
  ])('when private addresses are not allowed and it names %s, then it is refused', (url) => {
    expect(() => checkWebhookUrl(url, publicOnly)).toThrow(
      new ValidationFailed(
        'A webhook URL must name a public address; this server does not call private or local networks.',
        [{ in: 'body', field: 'url' }],
      ),
    );
  });

  it('when private addresses are not allowed, then https to a public host or address passes, normalised', () => {
    expect(checkWebhookUrl('https://Hooks.Example.com/in', publicOnly)).toBe('https://hooks.example.com/in');
    expect(checkWebhookUrl('https://93.184.215.14/in', publicOnly)).toBe('https://93.184.215.14/in');
    expect(() => checkWebhookUrl('http://hooks.example.com/in', publicOnly)).toThrow(
      'A webhook URL must use https.',
    );
  });

  it('when private addresses are allowed, then plain http passes to this machine only', () => {
    expect(checkWebhookUrl('http://127.0.0.1:9/hook', privateAllowed)).toBe('http://127.0.0.1:9/hook');
    expect(checkWebhookUrl('http://localhost:8080/hook', privateAllowed)).toBe('http://localhost:8080/hook');
    expect(checkWebhookUrl('http://[::1]:8080/hook', privateAllowed)).toBe('http://[::1]:8080/hook');
    expect(checkWebhookUrl('https://10.0.0.1/hook', privateAllowed)).toBe('https://10.0.0.1/hook');
    expect(() => checkWebhookUrl('http://10.0.0.1/hook', privateAllowed)).toThrow(
      'A webhook URL must use https (plain http only to this machine).',
    );
    expect(() => checkWebhookUrl('http://hooks.example.com/in', privateAllowed)).toThrow(/must use https/);
  });

  it('when it carries a user name or password, then it is refused', () => {
    expect(() => checkWebhookUrl('https://user:secret@hooks.example.com/in', publicOnly)).toThrow(
      /user name or password/,
    );
  });
});
