/** A small client for the Penholder HTTP API: JSON in, JSON out, errors as ApiError. */
import type { ErrorBody } from '../shared/errors';

/** An error answered by the API, with its HTTP status and stable error id. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly id: string, message: string) {
    super(message);
  }
}

/** Call the API with the session cookie; writes send JSON (the server's CSRF check wants it). */
export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = (json as ErrorBody | null)?.error;
    throw new ApiError(response.status, error?.id ?? 'unknown', error?.message ?? response.statusText);
  }
  return json as T;
}
