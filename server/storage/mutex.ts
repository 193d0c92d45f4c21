/**
 * A promise-chain mutex: callers run one at a time, in arrival order. The SQLite store uses it
 * because better-sqlite3 has one connection and the store's transactions span `await`s.
 */

/** Runs async functions one at a time, in the order they were submitted. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  /** Run `fn` once every earlier submission has settled; resolves or rejects as `fn` does. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    // The next caller waits for this one to settle, whatever the outcome.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
