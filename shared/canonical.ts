/**
 * The canonical form of a text and its hash: what an issued revision and a frozen final text
 * record, so that server and client, SQLite and PostgreSQL, today and in ten years agree on
 * whether two texts are the same.
 *
 * Canonical JSON is the ProseMirror JSON of the text after it has been rebuilt through the
 * schema, with:
 * - every string in Unicode NFC (a text pasted from Word in NFD hashes like the one typed);
 * - attributes as the schema defines them: unknown ones dropped, missing ones given their
 *   default, so a stored text with a stray attribute hashes like the clean one;
 * - marks in the schema's order, adjacent text nodes with the same marks merged (the schema
 *   does both when it rebuilds the text);
 * - object keys sorted by UTF-16 code unit (as RFC 8785 sorts them), no whitespace.
 * PostgreSQL's jsonb reorders keys, so hashing `JSON.stringify(node.toJSON())` alone would
 * depend on the database; sorting removes that.
 *
 * SHA-256 is written here in plain TypeScript, synchronous and without I/O, so that the
 * browser and the server compute the same hash the same way (`crypto.subtle` is async and
 * absent from insecure origins; `node:crypto` is absent from the browser). It is checked
 * against `node:crypto` in the tests.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { textFromJSON, type TextJSON } from './schema';

/** JSON with sorted keys and no insignificant whitespace; throws a RangeError on a value JSON cannot hold. */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Canonical JSON has no representation for ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJSON(v))).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(record[k])}`).join(',')}}`;
  }
  throw new RangeError(`Canonical JSON has no representation for a ${typeof value}`);
}

// Every string of a JSON value in NFC, keys included (they are ASCII in practice).
function nfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(nfc);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), nfc(v)]));
  }
  return value;
}

function isNode(doc: PMNode | TextJSON): doc is PMNode {
  return typeof (doc as PMNode).toJSON === 'function' && typeof (doc as PMNode).nodeSize === 'number';
}

/**
 * The text in canonical form, as a node: NFC, schema attributes, merged text nodes. Throws a
 * RangeError when the JSON does not fit the schema (check stored or received JSON first).
 */
export function canonicalText(doc: PMNode | TextJSON): PMNode {
  const json = isNode(doc) ? doc.toJSON() : doc;
  // Rebuilding through the schema drops unknown attributes, fills defaults and merges text.
  return textFromJSON(nfc(json));
}

/** The canonical JSON string of a text (see the module comment): what its hash is taken of. */
export function canonicalTextJSON(doc: PMNode | TextJSON): string {
  return canonicalJSON(canonicalText(doc).toJSON());
}

/** The SHA-256 (lower-case hex) of a text's canonical JSON in UTF-8: the hash issued and frozen texts record. */
export function textHash(doc: PMNode | TextJSON): string {
  return sha256Hex(canonicalTextJSON(doc));
}

// The round constants: the first 32 bits of the fractional parts of the cube roots of the first
// 64 primes (FIPS 180-4, 4.2.2); the initial hash, the same of the square roots of the first 8
// (5.3.3). Computed rather than typed out, and checked against node:crypto by the tests.
function primes(count: number): number[] {
  const found: number[] = [];
  for (let n = 2; found.length < count; n++) if (found.every((p) => n % p !== 0)) found.push(n);
  return found;
}
const fraction32 = (x: number) => ((x - Math.floor(x)) * 2 ** 32) >>> 0;
const K = Uint32Array.from(primes(64), (p) => fraction32(Math.cbrt(p)));
const H0 = Uint32Array.from(primes(8), (p) => fraction32(Math.sqrt(p)));

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

// A word of the schedule, the constants or the state: every index below is within bounds by
// construction (w and K hold 64 words, the state 8).
function word(words: Uint32Array, i: number): number {
  const x = words[i];
  if (x === undefined) throw new RangeError(`SHA-256: no word ${i} in an array of ${words.length}`);
  return x;
}

/** SHA-256 of bytes, or of a string in UTF-8, as 64 lower-case hex digits. */
export function sha256Hex(input: string | Uint8Array): string {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const length = bytes.length;
  // The message, a 1 bit, zeros, then its length in bits as a 64-bit big-endian number.
  const padded = new Uint8Array(Math.ceil((length + 9) / 64) * 64);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 2 ** 29));
  view.setUint32(padded.length - 4, (length * 8) >>> 0);

  const h = H0.slice();
  const w = new Uint32Array(64);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + 4 * i);
    for (let i = 16; i < 64; i++) {
      const w15 = word(w, i - 15);
      const w2 = word(w, i - 2);
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[i] = word(w, i - 16) + s0 + word(w, i - 7) + s1;
    }
    let a = word(h, 0);
    let b = word(h, 1);
    let c = word(h, 2);
    let d = word(h, 3);
    let e = word(h, 4);
    let f = word(h, 5);
    let g = word(h, 6);
    let hh = word(h, 7);
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + word(K, i) + word(w, i)) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    // Uint32Array stores each sum modulo 2^32.
    h.set([a, b, c, d, e, f, g, hh].map((x, i) => word(h, i) + x));
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}
