import fastifyHelmet, { type FastifyHelmetOptions, type FastifyHelmetRouteOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** A Content-Security-Policy, directive by directive: `{ 'img-src': ["'self'", 'data:'] }`. */
export type ContentPolicy = Readonly<Record<string, readonly string[]>>;

/** What a route passes as its `helmet` option to answer with headers of its own. */
export type RouteSecurityHeaders = Exclude<FastifyHelmetRouteOptions['helmet'], false | undefined>;

// Every reply that is not one of our pages (API JSON, files, errors) is nothing a browser should
// run or frame.
const NOTHING_TO_RUN: ContentPolicy = { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] };

const YEAR_IN_SECONDS = 365 * 24 * 60 * 60;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

// Browsers ignore HSTS over http. On a loopback name it would turn a developer's plain
// http://localhost into https for a year, so only a real https public URL sends it. Subdomains are
// left alone: they belong to whoever deploys us, not to us.
function strictTransportSecurity(publicUrl: string): FastifyHelmetOptions['strictTransportSecurity'] {
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:' || LOOPBACK_HOSTS.has(url.hostname)) return false;
  return { maxAge: YEAR_IN_SECONDS, includeSubDomains: false };
}

/**
 * The headers of one of our pages: its own policy, and framing as its frame-ancestors says. A page
 * other sites embed (the task pane in Outlook) sends no X-Frame-Options, which can name no other
 * site; browsers follow frame-ancestors when they see both.
 */
export function pageSecurityHeaders(policy: ContentPolicy): RouteSecurityHeaders {
  const ancestors = (policy['frame-ancestors'] ?? []).join(' ');
  const framedOnlyHere = ancestors === "'none'" || ancestors === "'self'";
  return {
    contentSecurityPolicy: { useDefaults: false, directives: policy },
    xFrameOptions: framedOnlyHere ? { action: ancestors === "'none'" ? 'deny' : 'sameorigin' } : false,
    // A page hosted by other apps keeps a handle on the windows it opens and gives none to others.
    crossOriginOpenerPolicy: { policy: framedOnlyHere ? 'same-origin' : 'same-origin-allow-popups' },
    crossOriginResourcePolicy: { policy: framedOnlyHere ? 'same-origin' : 'cross-origin' },
  };
}

// Outlook on the web shows the add-in's icons (named in the manifests) in its own pages, so they
// are loaded from Microsoft's origin.
const LOADED_BY_OTHER_SITES = '/manifests/icons/';

/**
 * Security headers on every reply (helmet): nosniff, same-origin referrers, same-origin opener and
 * resource policies, no framing, HSTS on an https deployment, and a policy that runs nothing.
 * Pages give their own with the route option `helmet: pageSecurityHeaders(policy)`.
 */
async function securityHeaders(app: FastifyInstance, options: { publicUrl: string }): Promise<void> {
  // Added before helmet's own onRoute hook, which turns a route's `helmet` option into its settings.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(LOADED_BY_OTHER_SITES) && route.helmet === undefined) {
      route.helmet = { crossOriginResourcePolicy: { policy: 'cross-origin' } };
    }
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: NOTHING_TO_RUN },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: strictTransportSecurity(options.publicUrl),
    xFrameOptions: { action: 'deny' },
  });
}

export default fp(securityHeaders, { name: 'security-headers' });
