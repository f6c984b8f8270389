import { ApiError, CLIENT_ERROR_CODES } from './api-error.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Exchange<T> {
  status: number;
  data: T;
}

/** How an answer's body is read: as JSON (the API's own), or as a file (an export). */
export type Reading = 'json' | 'file';

/** One HTTP exchange with the API: JSON or file requests, JSON or file answers, every failure an ApiError. */
export async function exchange<T>(
  fetchImpl: typeof fetch,
  url: string,
  method: Method,
  body: unknown,
  accessToken: string | null,
  reading: Reading = 'json',
): Promise<Exchange<T>> {
  const headers: Record<string, string> = { accept: reading === 'json' ? 'application/json' : '*/*' };
  // A file goes as it is (an import's CSV); anything else as JSON.
  const file = body instanceof Blob;
  if (body !== undefined)
    headers['content-type'] = file ? body.type || 'application/octet-stream' : 'application/json';
  if (accessToken !== null) headers.authorization = `Bearer ${accessToken}`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method,
      headers,
      body: body === undefined ? null : file ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      CLIENT_ERROR_CODES.unreachable,
      'The CRM server cannot be reached. Check your connection and try again.',
    );
  }
  if (reading === 'file' && response.ok)
    return { status: response.status, data: (await response.blob()) as T };
  const text = await response.text();
  let data: unknown = null;
  if (text !== '') {
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError(
        response.status,
        CLIENT_ERROR_CODES.badResponse,
        `The server answered ${response.status} with something that is not JSON.`,
      );
    }
  }
  if (!response.ok) throw ApiError.fromBody(response.status, data as Record<string, unknown> | null);
  return { status: response.status, data: data as T };
}
