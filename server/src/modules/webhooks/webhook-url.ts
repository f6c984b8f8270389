import { ValidationFailed } from '../../errors.js';
import { isLoopbackAddress, isPublicAddress, literalAddress } from '../deliveries/index.js';

const URL_FIELD = [{ in: 'body', field: 'url' }];

/** Which receivers this server calls; `allowPrivate` is WEBHOOK_ALLOW_PRIVATE. */
export interface WebhookAddressRule {
  allowPrivate: boolean;
}

// URL lower-cases a host but keeps a trailing dot, and `localhost.` is `localhost` to a resolver.
const isLocalhostName = (hostname: string): boolean => {
  const name = hostname.replace(/\.+$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
};

/** This machine, by name or by address. */
const namesThisMachine = (hostname: string): boolean => {
  const literal = literalAddress(hostname);
  return literal === null ? isLocalhostName(hostname) : isLoopbackAddress(literal);
};

/** A host that names a non-public place outright: localhost, or an IP literal outside public unicast. */
const namesNonPublicHost = (hostname: string): boolean => {
  const literal = literalAddress(hostname);
  return literal === null ? isLocalhostName(hostname) : !isPublicAddress(literal);
};

/**
 * Checks a webhook URL as an admin gives it and answers it normalised. Receivers are called over
 * HTTPS; plain HTTP only to this machine, and only where private addresses are allowed. Without that,
 * a URL naming a non-public host outright is refused now; a host name is judged again at each send,
 * since what it resolves to may change.
 */
export function checkWebhookUrl(url: string, { allowPrivate }: WebhookAddressRule): string {
  if (!URL.canParse(url)) {
    throw new ValidationFailed('The webhook URL is not a web address that can be called.', URL_FIELD);
  }
  const parsed = new URL(url);
  if (!allowPrivate && namesNonPublicHost(parsed.hostname)) {
    throw new ValidationFailed(
      'A webhook URL must name a public address; this server does not call private or local networks.',
      URL_FIELD,
    );
  }
  const plainHttpAllowed = allowPrivate && namesThisMachine(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && plainHttpAllowed)) {
    throw new ValidationFailed(
      allowPrivate
        ? 'A webhook URL must use https (plain http only to this machine).'
        : 'A webhook URL must use https.',
      URL_FIELD,
    );
  }
  if (parsed.username || parsed.password) {
    throw new ValidationFailed(
      'A webhook URL may not carry a user name or password; it is signed instead.',
      URL_FIELD,
    );
  }
  return parsed.toString();
}
