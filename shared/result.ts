/**
 * Expected failures come back as values, not exceptions (as ProseMirror's StepResult does):
 * a refused transition, a malformed symbol, a vote that cannot be counted. Programmer errors
 * still throw.
 */

/** Either a value or a reason the caller can show to a user. */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

/** A successful result. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A refused result with its reason. */
export function fail<E = string>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
