import { SingleBar } from 'cli-progress';

/**
 * Everything the CLI prints goes through here, so `--json` (JSON lines on stdout, one object per
 * result) and the human form stay consistent, and names from data cannot inject terminal escapes.
 */

/**
 * What a terminal must not receive from data: C0/C1 controls and DEL (escape sequences, bells,
 * carriage returns that overwrite a line), Unicode line/paragraph separators, and format
 * characters (\p{Cf}: bidi embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069,
 * LRM/RLM, zero-width spaces, BOM, tags), which reorder or hide text so that what is shown is not
 * what the data says. ZWNJ and ZWJ stay: Persian, Indic scripts and emoji need them, and they
 * cannot reorder anything. Letters of any script (CJK, Cyrillic, Arabic…) are untouched.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/gu;
/** The same, but tabs and newlines stay: for whole lines of output, whose layout is ours. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/gu;
/** Line breaks and tabs inside one field: a space, so that data cannot start a line of its own. */
const BREAKS = /\r\n|[\t\n\u2028\u2029]/g;

/**
 * Untrusted text from data, made safe to print as (part of) one line: line breaks become
 * spaces, and every other control or format character becomes a visible U+FFFD.
 */
export function safeText(s: unknown): string {
  return String(s ?? '')
    .replace(BREAKS, ' ')
    .replace(UNSAFE, '\ufffd');
}

/**
 * Last line of defence for everything printed with `line` and `warn`: controls and format
 * characters become U+FFFD even where a caller forgot `safeText`. Newlines are kept, as
 * callers print multi-line text on purpose, so data in a line still needs `safeText`.
 */
export function terminalText(s: string): string {
  return s.replace(UNSAFE_IN_LINES, '\ufffd');
}

export interface Output {
  readonly json: boolean;
  readonly isTTY: boolean;
  /** One result: a JSON line with --json, else nothing (the caller prints its human form). */
  record(obj: unknown): void;
  /** Human text (suppressed with --json). */
  line(text?: string): void;
  /** A human table (suppressed with --json). Cells are sanitised. */
  table(headers: readonly string[], rows: readonly (readonly unknown[])[]): void;
  /** Diagnostics to stderr, always. */
  warn(text: string): void;
  progress(label: string, total: number | null): Progress;
}

export interface Progress {
  update(done: number, extra?: Record<string, unknown>): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { update() {}, stop() {} };

/** Display width: CJK and other wide characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w +=
      cp >= 0x1100 &&
      /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\uff00-\uffef]/u.test(ch)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  maxCell = 60,
): string {
  const cells = rows.map((r) =>
    r.map((c) => {
      const t = safeText(c).replace(/\s+/g, ' ');
      return t.length > maxCell ? `${t.slice(0, maxCell - 1)}…` : t;
    }),
  );
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))),
  );
  const fmt = (r: readonly string[]) =>
    r
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [fmt(headers), fmt(widths.map((w) => '─'.repeat(w))), ...cells.map(fmt)].join('\n');
}

export function createOutput(opts: {
  json: boolean;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
}): Output {
  const stdout = opts.stdout ?? process.stdout;
  const stderr = opts.stderr ?? process.stderr;
  const isTTY = Boolean(stdout.isTTY);
  return {
    json: opts.json,
    isTTY,
    record(obj) {
      if (opts.json) stdout.write(`${JSON.stringify(obj)}\n`);
    },
    line(text = '') {
      if (!opts.json) stdout.write(`${terminalText(text)}\n`);
    },
    table(headers, rows) {
      if (!opts.json) stdout.write(`${renderTable(headers, rows)}\n`);
    },
    warn(text) {
      stderr.write(`${terminalText(text)}\n`);
    },
    progress(label, total) {
      // Progress bars only on an interactive terminal; pipes and CI stay clean.
      if (!stderr.isTTY) return NO_PROGRESS;
      const bar = new SingleBar({
        format:
          total == null
            ? `${label} {value} rows | {rate} rows/s`
            : `${label} [{bar}] {percentage}% | {value}/{total} | {rate} rows/s | ETA {eta_formatted}`,
        stream: stderr,
        hideCursor: true,
      });
      const started = Date.now();
      bar.start(total ?? 0, 0, { rate: 0 });
      return {
        update(done, extra) {
          const secs = (Date.now() - started) / 1000;
          bar.update(done, { rate: secs > 0 ? Math.round(done / secs) : 0, ...extra });
        },
        stop() {
          bar.stop();
        },
      };
    },
  };
}
