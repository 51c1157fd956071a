/**
 * A streaming CSV tokenizer (RFC 4180 plus the warts of real exports).
 *
 * Hand-written rather than csv-parse because this is the hot loop of every tabular import:
 * measured on a 500k-row bill-of-lading file it runs ~10x faster than csv-parse with
 * line info (≈1M vs ≈110k rows/s), and it lets a bad record be rejected with its own line
 * while parsing resumes on the next physical line. Tests compare it with csv-parse.
 *
 * Rules: a field is quoted only if its first character is `"`; inside quotes `""` is a quote
 * and newlines are data; a quote inside an unquoted field is literal (`12" PIPE`). Text after
 * a closing quote, an unterminated quote, or a record over {@link MAX_RECORD_CHARS} is a
 * broken record: its first physical line is rejected and parsing restarts on the next line,
 * so one stray quote costs one line, not the rest of the file. Blank lines and a trailing DOS
 * end-of-file mark (`\x1a`, as in OFAC's sdn.csv) are skipped. `\r\n` and `\n` end records.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  readonly fields: string[];
  /** The record's source text without its line terminator. */
  readonly raw: string;
}

export interface CsvError {
  readonly line: number;
  readonly reason: string;
  readonly raw: string;
}

export type CsvEvent =
  | { readonly ok: true; readonly record: CsvRecord }
  | { readonly ok: false; readonly error: CsvError };

/** A record longer than this (characters) is treated as an unterminated quoted field. */
export const MAX_RECORD_CHARS = 4 << 20;
/** Longest raw text kept in a rejection. */
const MAX_RAW = 4000;

const QUOTE = 34;
const LF = 10;
const CR = 13;

type Step =
  | { kind: 'record'; fields: string[]; next: number; end: number; newlines: number }
  | { kind: 'incomplete' }
  | { kind: 'error'; reason: string };

/** Delimiters tried by detection, in preference order on ties. */
const CANDIDATES = [',', ';', '\t', '|'] as const;

/** Picks the delimiter occurring most often (outside quotes) on the first line. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>();
  let inQuotes = false;
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (CANDIDATES as readonly string[]).includes(ch))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ',';
  let bestCount = 0;
  for (const c of CANDIDATES) {
    const n = counts.get(c) ?? 0;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

function truncate(s: string): string {
  return s.length > MAX_RAW ? `${s.slice(0, MAX_RAW)}…` : s;
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  let i = s.indexOf('\n', from);
  while (i >= 0 && i < to) {
    n++;
    i = s.indexOf('\n', i + 1);
  }
  return n;
}

export class CsvTokenizer {
  private buf = '';
  private line = 1;
  private delim: number;
  private delimiterGiven: boolean;
  /** Set after an over-long line with no newline: drop text up to the next newline. */
  private skippingLine = false;

  constructor(opts: { delimiter?: string } = {}) {
    this.delimiterGiven = opts.delimiter !== undefined;
    this.delim = (opts.delimiter ?? ',').charCodeAt(0);
  }

  /** The delimiter in use (detected from the first line unless given). */
  get delimiter(): string {
    return String.fromCharCode(this.delim);
  }

  /** Feeds a chunk; returns the records (and errors) completed by it. */
  push(chunk: string): CsvEvent[] {
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    return this.drain(false);
  }

  /** Flushes the last record at end of input. */
  end(): CsvEvent[] {
    return this.drain(true);
  }

  private drain(eof: boolean): CsvEvent[] {
    const out: CsvEvent[] = [];
    let text = this.buf;
    let pos = 0;
    if (!this.delimiterGiven) {
      const nl = text.indexOf('\n');
      if (nl < 0 && !eof) return out;
      this.delim = detectDelimiter(nl < 0 ? text : text.slice(0, nl)).charCodeAt(0);
      this.delimiterGiven = true;
    }
    while (pos < text.length) {
      if (this.skippingLine) {
        const nl = text.indexOf('\n', pos);
        if (nl < 0) {
          pos = text.length;
          break;
        }
        pos = nl + 1;
        this.line++;
        this.skippingLine = false;
        continue;
      }
      const step = this.record(text, pos, eof);
      if (step.kind === 'incomplete') {
        if (text.length - pos <= MAX_RECORD_CHARS) break;
        const nl = text.indexOf('\n', pos);
        if (nl < 0) {
          out.push({
            ok: false,
            error: {
              line: this.line,
              reason: `line longer than ${MAX_RECORD_CHARS} characters`,
              raw: truncate(text.slice(pos)),
            },
          });
          this.skippingLine = true;
          pos = text.length;
          break;
        }
        this.rejectFirstLine(out, text, pos, nl, 'unterminated quoted field (record too long)');
        pos = nl + 1;
        continue;
      }
      if (step.kind === 'error') {
        let nl = text.indexOf('\n', pos);
        if (nl < 0) {
          if (!eof) break;
          nl = text.length;
        }
        this.rejectFirstLine(out, text, pos, nl, step.reason);
        pos = nl + 1;
        continue;
      }
      const raw = text.slice(pos, step.end);
      const f = step.fields;
      if (!(f.length === 1 && (f[0] === '' || f[0] === '\x1a'))) {
        out.push({ ok: true, record: { line: this.line, fields: f, raw } });
      }
      this.line += 1 + step.newlines;
      pos = step.next;
    }
    if (pos >= text.length) text = '';
    else text = text.slice(pos);
    this.buf = text;
    return out;
  }

  private rejectFirstLine(out: CsvEvent[], text: string, pos: number, nl: number, reason: string): void {
    let raw = text.slice(pos, nl);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    out.push({ ok: false, error: { line: this.line, reason, raw: truncate(raw) } });
    this.line++;
  }

  /** Parses one record starting at `start`. Hot loop: plain char codes, no regexes. */
  private record(s: string, start: number, eof: boolean): Step {
    const n = s.length;
    const delim = this.delim;
    const fields: string[] = [];
    let i = start;
    let newlines = 0;
    for (;;) {
      if (i >= n) {
        if (!eof) return { kind: 'incomplete' };
        fields.push('');
        return { kind: 'record', fields, next: n, end: n, newlines };
      }
      if (s.charCodeAt(i) === QUOTE) {
        let val = '';
        let j = i + 1;
        for (;;) {
          const q = s.indexOf('"', j);
          if (q < 0) {
            if (!eof) return { kind: 'incomplete' };
            return { kind: 'error', reason: 'unterminated quoted field' };
          }
          newlines += countNewlines(s, j, q);
          val += s.slice(j, q);
          if (q + 1 >= n && !eof) return { kind: 'incomplete' };
          if (s.charCodeAt(q + 1) === QUOTE) {
            val += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        fields.push(val);
        if (i >= n) return { kind: 'record', fields, next: n, end: n, newlines };
        const c = s.charCodeAt(i);
        if (c === delim) {
          i++;
          continue;
        }
        if (c === LF) return { kind: 'record', fields, next: i + 1, end: i, newlines };
        if (c === CR) {
          if (i + 1 >= n) {
            if (!eof) return { kind: 'incomplete' };
            return { kind: 'record', fields, next: n, end: i, newlines };
          }
          if (s.charCodeAt(i + 1) === LF) return { kind: 'record', fields, next: i + 2, end: i, newlines };
        }
        return {
          kind: 'error',
          reason: `broken quoting: text after closing quote in field ${fields.length}`,
        };
      }
      let j = i;
      let c = 0;
      while (j < n) {
        c = s.charCodeAt(j);
        if (c === delim || c === LF) break;
        j++;
      }
      if (j >= n) {
        if (!eof) return { kind: 'incomplete' };
        let end = n;
        if (end > i && s.charCodeAt(end - 1) === CR) end--;
        fields.push(s.slice(i, end));
        return { kind: 'record', fields, next: n, end, newlines };
      }
      if (c === delim) {
        fields.push(s.slice(i, j));
        i = j + 1;
        continue;
      }
      const end = j > i && s.charCodeAt(j - 1) === CR ? j - 1 : j;
      fields.push(s.slice(i, end));
      return { kind: 'record', fields, next: j + 1, end, newlines };
    }
  }
}
