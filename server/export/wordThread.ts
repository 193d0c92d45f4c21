/**
 * Reading a Word file off the event loop. A .docx is a ZIP that can lie about its sizes and XML
 * that can be made expensive to parse; read on the main thread, one hostile upload held it for
 * seconds and gigabytes while every delegate's edits waited. Each file is therefore read in a
 * thread of its own (docxRead.worker.mjs) with a heap limit, a clock, and limits on what it
 * inflates and what it gives back; one file is read at a time (the server keeps a core for the
 * edits) and a few more may wait their turn, the rest are told to come back.
 */
import { Worker } from 'node:worker_threads';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_DOCX_UNPACKED_BYTES, MAX_TEXT_BYTES, type ImportError } from '../../shared/export/transfer';
import { projectPath } from '../paths';
import type { WordDocument, WordNode } from './wordModel';

/** The bounds of one reading. */
export interface WordReadLimits {
  /** Bytes the file may inflate to, counted while inflating. */
  unpackedBytes: number;
  /** Elements (paragraphs, runs, texts …) of the model handed back. */
  nodes: number;
  /** Characters of text in the model. */
  textChars: number;
  /** Images referenced (counted, never unpacked). */
  images: number;
  /** The thread's JavaScript heap, in MB; past it the thread dies and the file is refused. */
  heapMb: number;
  /** How long a reading may take before its thread is stopped. */
  timeMs: number;
  /** Readings that may wait for the one in progress; past that the file is refused as busy. */
  queue: number;
  /** The reading thread's nice value (Linux: per thread): edits come first on a busy machine. */
  nice: number;
}

/**
 * The default bounds. The session's longest text, the 150 KB report, is 53,000 characters in
 * 2,600 elements; a Word file may hold as much text as a paste (MAX_TEXT_BYTES) — what the
 * importers then do with the model runs on the event loop, as a pasted text's import does.
 */
export const DEFAULT_WORD_LIMITS: WordReadLimits = {
  unpackedBytes: MAX_DOCX_UNPACKED_BYTES,
  nodes: 50_000,
  textChars: MAX_TEXT_BYTES,
  images: 500,
  heapMb: 256,
  timeMs: 15_000,
  queue: 4,
  nice: 10,
};

/** What a reading reports besides the document, for logs and benchmarks. */
export interface WordReadStats {
  inflatedBytes: number;
  nodes: number;
  images: number;
  chars: number;
}

interface PlainNote {
  noteType: string;
  noteId: string;
  body: WordNode[];
}

type Reply = { ok: true; value: { children: WordNode[]; notes: PlainNote[] } & WordReadStats } | { ok: false; error: ImportError };

const tooLarge = (message: string): ImportError => ({ reason: 'too-large', message });

let running = 0;
const waiting: (() => void)[] = [];

// One reading at a time; `queue` more may wait. False when the queue is full.
async function turn(limits: WordReadLimits): Promise<boolean> {
  if (running === 0) return ((running = 1), true);
  if (waiting.length >= limits.queue) return false;
  await new Promise<void>((resolve) => waiting.push(resolve));
  return true;
}

function done(): void {
  const next = waiting.shift();
  if (next)
    next(); // the turn passes on: `running` stays 1
  else running = 0;
}

function runThread(bytes: Uint8Array, limits: WordReadLimits): Promise<Reply> {
  // A copy of its own, moved to the thread: the request's buffer may be a view of a larger one.
  const own = new Uint8Array(bytes.byteLength);
  own.set(bytes);
  return new Promise<Reply>((resolve) => {
    const worker = new Worker(projectPath('server', 'export', 'docxRead.worker.mjs'), {
      workerData: { bytes: own, nice: limits.nice, limits: { unpackedBytes: limits.unpackedBytes, nodes: limits.nodes, textChars: limits.textChars, images: limits.images } },
      transferList: [own.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: Math.max(4, Math.round(limits.heapMb / 16)), stackSizeMb: 4 },
      // The thread runs plain JavaScript: no loader (tsx, vitest) to start in it.
      execArgv: [],
    });
    let settled = false;
    const settle = (reply: Reply) => {
      if (settled) return;
      settled = true;
      clearTimeout(clock);
      resolve(reply);
      void worker.terminate();
    };
    const clock = setTimeout(
      () => settle(fail(tooLarge(`The Word file took more than ${Math.round(limits.timeMs / 1000)} s to read: it is too large or too complex to be a resolution's text.`))),
      limits.timeMs,
    );
    worker.on('message', (reply: Reply) => settle(reply));
    worker.on('error', (err: Error & { code?: string }) =>
      settle(
        fail(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooLarge(`The Word file needs more than ${limits.heapMb} MB of memory to read: it is too large or too complex to be a resolution's text.`)
            : { reason: 'corrupt', message: 'The Word file is damaged and cannot be read: save it again from Word and upload it anew.' },
        ),
      ),
    );
    worker.on('exit', () => settle(fail({ reason: 'corrupt', message: 'The Word file is damaged and cannot be read: save it again from Word and upload it anew.' })));
  });
}

/** mammoth's model rebuilt from the plain data the thread posted: footnotes found again by type and id. */
function wordDocument(children: WordNode[], notes: PlainNote[]): WordDocument {
  const byKey = new Map(notes.map((n) => [`${n.noteType}-${n.noteId}`, n]));
  return { children, notes: { resolve: (ref) => byKey.get(`${ref.noteType}-${ref.noteId}`) ?? null } };
}

/**
 * Read a .docx in a thread of its own, within `limits`; a file that is not Word, damaged, or
 * past a limit is refused with its reason, and one that finds the reader busy with `busy`.
 */
export async function readWordInThread(bytes: Uint8Array, limits: WordReadLimits = DEFAULT_WORD_LIMITS): Promise<Result<{ doc: WordDocument; stats: WordReadStats }, ImportError>> {
  if (!(await turn(limits))) return fail({ reason: 'busy', message: 'Other Word files are being read right now: try again in a minute.' });
  let reply: Reply;
  try {
    reply = await runThread(bytes, limits);
  } finally {
    done();
  }
  if (!reply.ok) return reply;
  const { children, notes, ...stats } = reply.value;
  return ok({ doc: wordDocument(children, notes), stats });
}
