/**
 * A Server-Sent Events reader for server tests: open a stream with fetch, wait for the events
 * that come, and see it end.
 *
 *   const s = await openEventStream(server.url + '/api/inbox/stream', { cookie });
 *   expect(await s.next('count')).toEqual({ unread: 0 });
 *   s.close();
 */

/** One event of a stream: its name and its data parsed as JSON. */
export interface StreamEvent {
  event: string;
  data: unknown;
}

/** An open stream. */
export interface EventStream {
  status: number;
  headers: Headers;
  /** The next event of this name (waiting up to `timeoutMs`); rejects when the stream ends first. */
  next(event: string, timeoutMs?: number): Promise<unknown>;
  /** Resolves when the server ended the stream (rejects after `timeoutMs`). */
  ended(timeoutMs?: number): Promise<void>;
  /** Every event received so far. */
  readonly received: StreamEvent[];
  close(): void;
}

/** Open `url` as an event stream with these headers (a cookie, a bearer token). */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const received: StreamEvent[] = [];
  let taken = 0;
  let done = false;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  void (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut !== -1) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trim());
          }
          if (data.length > 0) received.push({ event, data: JSON.parse(data.join('\n')) });
          cut = buffer.indexOf('\n\n');
        }
        wake();
      }
    } catch {
      // aborted by close(), or the connection was cut
    }
    done = true;
    wake();
  })();

  const waitFor = <T>(found: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        let value: T | undefined;
        try {
          value = found();
        } catch (err) {
          cleanup();
          reject(err);
          return;
        }
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; received ${JSON.stringify(received)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return {
    status: res.status,
    headers: res.headers,
    received,
    next(event, timeoutMs = 5000) {
      return waitFor(
        () => {
          for (let i = taken; i < received.length; i++) {
            if (received[i]!.event === event) {
              taken = i + 1;
              return { value: received[i]!.data };
            }
          }
          if (done) throw new Error(`the stream ended before a ${event} event`);
          return undefined;
        },
        timeoutMs,
        `a ${event} event`,
      ).then((x) => x.value);
    },
    ended(timeoutMs = 5000) {
      return waitFor(() => (done ? true : undefined), timeoutMs, 'the stream to end').then(() => undefined);
    },
    close() {
      abort.abort();
    },
  };
}
