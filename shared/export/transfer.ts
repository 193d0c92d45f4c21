/**
 * What the client and the server agree on about files going in and out: media types, the
 * export formats and which text to export, the import size limits, and the stable codes of an
 * import that cannot be read (the HTTP error carries one in `details.reason`).
 */

/** Media types of the formats Penholder writes and reads. */
export const MediaTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  akn: 'application/akn+xml',
  text: 'text/plain',
} as const;

/** The export formats, as they appear in the URL: /api/drafts/:id/export.docx, export.akn.xml, export.txt. */
export const EXPORT_FORMATS = ['docx', 'akn.xml', 'txt'] as const;
/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The `text` query parameter naming the working text rather than an issued revision's symbol. */
export const WORKING_TEXT = 'working';

/** The largest Word file an import accepts (bytes). */
export const MAX_DOCX_BYTES = 5 * 1024 * 1024;
/** The largest pasted text an import accepts (bytes of UTF-8). */
export const MAX_TEXT_BYTES = 512 * 1024;
/** The most a Word file may unpack to: a small file that inflates to gigabytes is refused unread. */
export const MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** Why an import could not be read ('busy': the server reads as many Word files as it will at once; try again shortly). */
export const IMPORT_FAILURES = ['empty', 'too-large', 'not-docx', 'corrupt', 'no-text', 'not-before-first-issue', 'busy'] as const;
/** One of the import failure codes. */
export type ImportFailure = (typeof IMPORT_FAILURES)[number];

/** A failed import: its code and a sentence for the user. */
export interface ImportError {
  reason: ImportFailure;
  message: string;
}
