import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

/**
 * One transport's connection pools. The address rule sits on the pool, not on each request, so a
 * kept-alive socket is only ever reused under the rule it was opened with.
 */
export interface WebhookAgents {
  http: http.Agent;
  https: https.Agent;
}

/** Pools that keep connections alive and open new ones through `lookup` (the system's when undefined). */
export function webhookAgents(lookup: LookupFunction | undefined): WebhookAgents {
  const options = { keepAlive: true, ...(lookup ? { lookup } : {}) };
  return { http: new http.Agent(options), https: new https.Agent(options) };
}

export interface WebhookPost {
  url: URL;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/**
 * POSTs the body and resolves with the answer's status as soon as its head arrives; the answer's
 * body is read and dropped. Redirects are answers like any other, never followed.
 */
export function postWebhook(agents: WebhookAgents, post: WebhookPost): Promise<number> {
  const secure = post.url.protocol === 'https:';
  const send = secure ? https.request : http.request;
  return new Promise<number>((resolve, reject) => {
    const request = send(
      post.url,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
        signal: post.signal,
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(post.body);
  });
}
