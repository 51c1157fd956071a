import type { ByteMeter } from './byte-source.ts';
import { readBytes } from './byte-source.ts';
import { decodeText } from './decode.ts';

/** One line of a text file with its 1-based number (terminator stripped). */
export interface TextLine {
  readonly line: number;
  readonly text: string;
}

/**
 * Lines of a text file (gzip and encodings handled like tables), for JSON-lines formats.
 * Yields arrays per decoded chunk: a per-line generator step would dominate the cost.
 */
export async function* readLines(
  path: string,
  opts: { encoding?: string | undefined; meter?: ByteMeter | undefined } = {},
): AsyncGenerator<TextLine[]> {
  let rest = '';
  let line = 1;
  for await (const chunk of decodeText(readBytes(path, opts.meter), opts.encoding)) {
    const s = rest.length > 0 ? rest + chunk : chunk;
    const out: TextLine[] = [];
    let start = 0;
    let nl = s.indexOf('\n');
    while (nl >= 0) {
      const end = nl > start && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      out.push({ line, text: s.slice(start, end) });
      line++;
      start = nl + 1;
      nl = s.indexOf('\n', start);
    }
    rest = s.slice(start);
    if (out.length > 0) yield out;
  }
  if (rest.length > 0) yield [{ line, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest }];
}
