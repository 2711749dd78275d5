/* global URLSearchParams, fetch */
/** Calls the review API (same origin, session cookie); errors carry the server's code and message. */

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let onUnauthenticated = () => {};

/** What to do when the session is gone (the app shows the sign-in page). */
export function whenSignedOut(handler) {
  onUnauthenticated = handler;
}

/** JSON request; resolves with the parsed answer (null for 204). */
export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let data = null;
  if (text && (response.headers.get('content-type') ?? '').includes('application/json'))
    data = JSON.parse(text);
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/session') onUnauthenticated();
    throw new ApiError(
      response.status,
      data?.error ?? 'HTTP_' + response.status,
      data?.message ?? response.statusText,
      data,
    );
  }
  return data ?? (text || null);
}

/** A query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
