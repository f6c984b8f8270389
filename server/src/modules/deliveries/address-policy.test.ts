import type { LookupAddress, LookupOptions } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  isLoopbackAddress,
  isPublicAddress,
  literalAddress,
  NonPublicAddress,
  publicAddressLookup,
} from './address-policy.js';

type Resolved = { addresses: LookupAddress[] } | { error: NodeJS.ErrnoException };

function resolve(hostname: string, options: LookupOptions): Promise<Resolved> {
  return new Promise((done) =>
    publicAddressLookup(hostname, options, (error, address, family) => {
      if (error) return done({ error });
      done({ addresses: Array.isArray(address) ? address : [{ address, family: family ?? 0 }] });
    }),
  );
}

describe('the webhook address policy', () => {
  it.each([
    ['127.1', 'loopback, short form'],
    ['0x7f000001', 'loopback, one hexadecimal number'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'IPv6 loopback'],
    ['::ffff:127.0.0.1', 'loopback mapped into IPv6'],
    ['::ffff:7f00:1', 'loopback mapped into IPv6, hexadecimal'],
    ['::7f00:1', 'loopback in a deprecated IPv4-compatible address'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['10.0.0.1', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.254', 'private 172.16/12, its top'],
    ['192.168.1.1', 'private 192.168/16'],
    ['100.64.0.1', 'CGNAT 100.64/10'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'IPv6 unspecified'],
    ['fc00::1', 'IPv6 unique-local'],
    ['fd12:3456::1', 'IPv6 unique-local, fd'],
    ['fe80::1', 'IPv6 link-local'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:10.0.0.1', 'private mapped into IPv6'],
    ['192.0.2.1', 'reserved for documentation'],
    ['240.0.0.1', 'reserved 240/4'],
    ['not an address', 'not an address at all'],
  ])('when the address is %s (%s), then it is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.215.14'])(
    'when the address is %s, then it is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('when a URL host is a literal, then its address is read out of it, brackets and all', () => {
    expect(literalAddress('[::1]')).toBe('::1');
    expect(literalAddress('127.0.0.1')).toBe('127.0.0.1');
    expect(literalAddress('hooks.example.com')).toBeNull();
    expect(isLoopbackAddress('127.0.0.2')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
  });

  it('when a host name resolves to loopback, then the socket lookup refuses it, one address or all', async () => {
    for (const hostname of ['localhost', '127.1']) {
      for (const all of [false, true]) {
        const resolved = await resolve(hostname, { all });
        expect(resolved).toEqual({ error: expect.any(NonPublicAddress) });
      }
    }
  });

  it('when a host resolves to public addresses only, then the socket lookup answers as the system does', async () => {
    expect(await resolve('93.184.215.14', { all: false })).toEqual({
      addresses: [{ address: '93.184.215.14', family: 4 }],
    });
    expect(await resolve('2606:4700:4700::1111', { all: true })).toEqual({
      addresses: [{ address: '2606:4700:4700::1111', family: 6 }],
    });
  });
});
