/**
 * The SQLite checkpointer thread, seen from the main thread. The store's connection commits
 * with automatic checkpoints turned off (sqlite.ts): one would otherwise copy up to 4 MB of the
 * write-ahead log into the database file, and fsync both, inside some COMMIT on the event loop.
 * Instead, when the log has grown past a size, the store asks this thread
 * (sqliteCheckpointer.worker.mjs), with a connection of its own, to copy it; the main connection
 * goes on committing meanwhile and starts the log over once all of it is copied.
 *
 * One checkpoint runs at a time. The thread starts with the store, is held open only while a
 * call is waiting (an idle thread never keeps the process alive), and is started afresh after it
 * dies: the calls it had not answered reject, the next call gets a new thread.
 */
import { Worker } from 'node:worker_threads';
import { projectPath } from '../paths';

/** The checkpointer connection's settings, for tests and diagnostics. */
export interface CheckpointerSettings {
  journalMode: string;
  synchronous: number;
  busyTimeout: number;
}

/** What one checkpoint did, as SQLite counts it (frames of 4 KB pages). */
export interface CheckpointResult {
  /** Whether it could not finish because another connection held what it needed. */
  busy: boolean;
  /** Frames in the log. */
  logFrames: number;
  /** Frames copied into the database file. */
  copiedFrames: number;
}

interface Reply {
  id: number;
  value?: unknown;
  error?: { name?: string; message: string; code?: string };
}

interface Waiter {
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** The checkpointer thread of one SQLite file. */
export class SqliteCheckpointer {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiter>();
  private nextId = 1;
  private closing: Promise<void> | null = null;
  private idle: (() => void)[] = [];
  private running: Promise<CheckpointResult> | null = null;

  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs: number,
  ) {}

  /** Start the thread now, so that the first checkpoint does not wait for it (~0.1 s). */
  start(): void {
    if (!this.worker && !this.closing) this.spawn();
  }

  /** Copy the log into the database file; a call while one runs gets that one's outcome. */
  checkpoint(): Promise<CheckpointResult> {
    this.running ??= this.call<[number, number, number]>('checkpoint')
      .then(([busy, logFrames, copiedFrames]) => ({ busy: busy !== 0, logFrames, copiedFrames }))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Whether a checkpoint is running now. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** The checkpointer connection's settings (starts the thread if needed). */
  settings(): Promise<CheckpointerSettings> {
    return this.call('settings');
  }

  /**
   * Kill the thread at once, as a crash would: unanswered calls reject, and the next call starts
   * a new thread. For tests.
   */
  async terminate(): Promise<void> {
    await this.worker?.terminate();
  }

  /** Let the calls already made finish, then close the thread's connection and end it. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.waiting.size > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
      const worker = this.worker;
      if (!worker) return;
      worker.ref();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ op: 'close' });
      await exited;
    })();
    return this.closing;
  }

  private call<T>(op: 'checkpoint' | 'settings'): Promise<T> {
    if (this.closing) return Promise.reject(new Error('the store is closed'));
    let worker: Worker;
    try {
      worker = this.worker ?? this.spawn();
    } catch (err) {
      return Promise.reject(err);
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, op });
    });
  }

  private spawn(): Worker {
    const worker = new Worker(projectPath('server', 'storage', 'sqliteCheckpointer.worker.mjs'), {
      workerData: { file: this.file, busyTimeoutMs: this.busyTimeoutMs },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(worker, reply));
    worker.on('error', (err) => this.abandon(worker, err));
    worker.on('exit', (code) => this.abandon(worker, new Error(`the SQLite checkpointer thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(worker: Worker, reply: Reply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (reply.error) waiter.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name ?? 'Error', code: reply.error.code }));
    else waiter.resolve(reply.value);
    if (this.waiting.size === 0) this.becameIdle(worker);
  }

  // The thread died (an uncaught error, an exit, a terminate): what it had not answered rejects.
  private abandon(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const waiters = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiters) w.reject(err);
    this.becameIdle(null);
  }

  private becameIdle(worker: Worker | null): void {
    worker?.unref();
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
  }
}
