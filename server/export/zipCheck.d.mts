/** Types of zipCheck.mjs: a .docx read as a ZIP without trusting what it declares. */
import type { Result } from '../../shared/result';
import type { ImportError } from '../../shared/export/transfer';

/** One entry as the central directory describes it (its sizes are claims, not facts). */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  packedBytes: number;
  unpackedBytes: number;
  localOffset: number;
}

/** What the central directory says. */
export interface ZipListing {
  names: string[];
  /** The sum of the sizes the entries declare. */
  unpackedBytes: number;
  entries: ZipEntry[];
}

/** An opened ZIP: its listing, and its entries inflated on demand within the limit. */
export interface OpenedZip extends ZipListing {
  exists(name: string): boolean;
  /** The entry's bytes; throws a ZipRefusal when it is missing, damaged, or past the limit. */
  read(name: string): Buffer;
  /** How many bytes the reads so far have inflated. */
  inflatedBytes(): number;
}

/** A ZIP refused while its entries are read; `refusal` is the reason the user is told. */
export class ZipRefusal extends Error {
  constructor(error: ImportError);
  readonly refusal: ImportError;
}

/** List a ZIP's entries from its central directory; a failure says why in the user's words. */
export function listZip(bytes: Uint8Array, limit: number): Result<ZipListing, ImportError>;

/** Open a ZIP for reading; every byte inflated counts against `limit`, whatever the entries declare. */
export function openZip(bytes: Uint8Array, limit: number): Result<OpenedZip, ImportError>;
