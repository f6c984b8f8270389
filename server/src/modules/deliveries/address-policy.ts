import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

// Deprecated IPv4-compatible IPv6 (::a.b.c.d): ipaddr.js calls it unicast, yet it embeds an IPv4
// address (::127.0.0.1 among them) that some stacks still route.
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * Whether an address is public unicast, the only kind a webhook may reach: not loopback, private,
 * unique-local, link-local, CGNAT, multicast, broadcast, unspecified or otherwise reserved. An
 * IPv4-mapped IPv6 address is judged as its IPv4 address; anything that is not an address is not public.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv6' && parsed.match(IPV4_COMPATIBLE)) return false;
  return parsed.range() === 'unicast';
}

/** Whether an address is this machine's own (127.0.0.0/8, ::1, or 127.x mapped into IPv6). */
export function isLoopbackAddress(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'loopback';
}

/** The address a URL's host names literally (`[::1]` gives `::1`), or null for a host name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? null : bare;
}

/** A host that is, or resolves to, an address outside public unicast. */
export class NonPublicAddress extends Error {
  constructor(readonly hostname: string) {
    super(`${hostname} is, or resolves to, an address that is not public.`);
    this.name = 'NonPublicAddress';
  }
}

/**
 * A socket `lookup` that resolves as the system does, and fails with NonPublicAddress when ANY
 * address the host resolves to is not public: the socket connects only to addresses judged here,
 * so a name that changes its answer between a check and the connection (DNS rebinding) gains nothing.
 */
export const publicAddressLookup: LookupFunction = (hostname, options, callback) => {
  systemLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    if (addresses.length === 0 || !addresses.every((entry) => isPublicAddress(entry.address))) {
      return callback(new NonPublicAddress(hostname), '', 0);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses as [LookupAddress];
    return callback(null, first.address, first.family);
  });
};
