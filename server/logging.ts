/**
 * The server log, with secrets taken out. Passwords, session ids, tokens and reset codes must
 * never reach a log file, whoever logs what: every message and error passes through `redact`
 * on its way out, whether it came from a route, the error handler or the collaboration endpoint.
 */

/** Where faults are reported: a message and, optionally, the error behind it. */
export type LogFn = (message: string, err?: unknown) => void;

const MASK = '[redacted]';

// Secrets as they appear in text: cookies, Authorization headers, query parameters, JSON fields
// and `key=value` pairs. Key names cover what Penholder calls its secrets; `code` only in a URL
// (a reset link), since error objects carry harmless codes such as ECONNREFUSED.
const KEYS = 'password|currentPassword|newPassword|token|resetCode|secret|ph_session|authorization|cookie|passwordHash|tokenHash|codeHash';
const PATTERNS: [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${MASK}`],
  [new RegExp(`(["']?(?:${KEYS})["']?\\s*[:=]\\s*["']?)[^"'\\s&;,}]+`, 'gi'), `$1${MASK}`],
  [/([?&#]code=)[^&\s"']+/gi, `$1${MASK}`],
  [/\bscrypt\$[^\s"']+/g, MASK],
];

/** A text with every secret it shows masked. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

const SECRET_KEY = new RegExp(`^(?:${KEYS})$`, 'i');

/** A copy of a value fit for a log: strings redacted, secret-named fields masked, errors as
 * name, message and stack (redacted), at most a few levels deep. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[…]';
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: redact(value.message) };
    if (value.stack) out.stack = redact(value.stack);
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? MASK : redactValue(v, depth + 1);
    if (value.cause !== undefined) out.cause = redactValue(value.cause, depth + 1);
    return out;
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, depth + 1));
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? MASK : redactValue(v, depth + 1);
  return out;
}

/** Wrap a log function so that nothing secret gets through it. */
export function redacting(log: LogFn): LogFn {
  return (message, err) => (err === undefined ? log(redact(message)) : log(redact(message), redactValue(err)));
}

/** The same, for the console-shaped logger the collaboration endpoint takes. */
export function redactingConsole(log: LogFn): Pick<Console, 'warn' | 'error'> {
  const safe = redacting(log);
  const join = (args: unknown[]) =>
    args
      .map((a) => (typeof a === 'string' ? a : ''))
      .join(' ')
      .trim();
  const errOf = (args: unknown[]) => args.find((a) => typeof a !== 'string');
  return { warn: (...args: unknown[]) => safe(join(args), errOf(args)), error: (...args: unknown[]) => safe(join(args), errOf(args)) };
}
