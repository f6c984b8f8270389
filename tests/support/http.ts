import type { App } from '@inbox-crm/server';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A small JSON client over app.inject(), acting as one user (or nobody without a token). */
export class Client {
  constructor(
    private readonly app: App,
    readonly token: string | null = null,
  ) {}

  /** A string payload is sent as it is (for malformed JSON); anything else as JSON. */
  async request<T = any>(
    method: Method,
    url: string,
    payload?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = {
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}),
      ...extraHeaders,
    };
    const response = await this.app.inject({
      method,
      url,
      headers,
      payload: payload as string | object | undefined,
    });
    const text = response.body;
    // An export answers CSV, not JSON: its text is the body then.
    const json = String(response.headers['content-type'] ?? '').includes('json');
    return {
      status: response.statusCode,
      body: (text === '' ? null : json ? JSON.parse(text) : text) as T,
      headers: response.headers,
    };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  /** A GET (or, with a body, a POST) whose answer is a file: its bytes as they came. */
  async download(
    url: string,
    body?: object,
  ): Promise<{ status: number; bytes: Buffer; headers: Record<string, unknown> }> {
    const response = await this.app.inject({
      method: body ? 'POST' : 'GET',
      url,
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
      ...(body ? { payload: body } : {}),
    });
    return { status: response.statusCode, bytes: response.rawPayload, headers: response.headers };
  }
  post<T = any>(url: string, body: unknown = {}) {
    return this.request<T>('POST', url, body);
  }
  patch<T = any>(url: string, body: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  put<T = any>(url: string, body: unknown) {
    return this.request<T>('PUT', url, body);
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }
}
