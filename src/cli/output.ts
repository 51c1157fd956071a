import { SingleBar } from 'cli-progress';

/**
 * Everything the CLI prints goes through here, so `--json` (JSON lines on stdout, one object per
 * result) and the human form stay consistent, and names from data cannot inject terminal escapes.
 */

import { safeText, terminalText } from '../model/index.ts';

export { safeText, terminalText };

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
