import iconv from 'iconv-lite';
import { ThreadlineError } from '../../model/index.ts';

/** An `--encoding` name no decoder knows. */
export class EncodingError extends ThreadlineError<'unknown_encoding'> {
  constructor(name: string) {
    super(
      'unknown_encoding',
      `unknown encoding ${JSON.stringify(name)} (try utf-8, utf-16le, gb18030, gbk, latin1)`,
    );
  }
}

export interface DetectedEncoding {
  /** Canonical lower-case name: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, or the forced name. */
  readonly encoding: string;
  /** Bytes of byte-order mark to skip. */
  readonly bomLength: number;
}

/** Throws `unknown_encoding` unless some decoder (TextDecoder or iconv-lite) knows `name`. */
export function checkEncoding(name: string): string {
  const n = name.trim().toLowerCase();
  if (n === 'utf8') return 'utf-8';
  if (n === 'utf-8' || n === 'utf-16le' || n === 'utf-16be') return n;
  if (!iconv.encodingExists(n)) throw new EncodingError(name);
  return n;
}

/**
 * Guesses the encoding from the first bytes: a BOM wins; else UTF-16 without BOM when every
 * other byte is zero (ASCII text in UTF-16); else UTF-8 if the head is valid UTF-8; else
 * GB18030, the superset of GBK/GB2312 that Chinese registry exports use.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const probe = Math.min(head.length, 4096) & ~1;
  if (probe >= 4) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < probe; i += 2) {
      if (head[i] === 0) evenZero++;
      if (head[i + 1] === 0) oddZero++;
    }
    const half = probe / 2;
    if (oddZero > half * 0.4 && evenZero < half * 0.05) return { encoding: 'utf-16le', bomLength: 0 };
    if (evenZero > half * 0.4 && oddZero < half * 0.05) return { encoding: 'utf-16be', bomLength: 0 };
  }
  try {
    // `stream: true` tolerates a multi-byte character cut at the end of the head.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'gb18030', bomLength: 0 };
  }
}

interface ChunkDecoder {
  write(b: Buffer): string;
  end(): string;
}

function decoderFor(encoding: string): ChunkDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    // Non-fatal: invalid bytes become U+FFFD, which the row layer rejects as undecodable.
    const td = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
    return { write: (b) => td.decode(b, { stream: true }), end: () => td.decode() };
  }
  const d = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: (b) => d.write(b), end: () => d.end() ?? '' };
}

/**
 * Decodes a byte stream to text chunks. With `forced` the encoding is taken as given (a BOM
 * matching it is still skipped); otherwise it is detected from the first chunk.
 */
export async function* decodeText(
  bytes: AsyncIterable<Buffer>,
  forced?: string,
  onDetected?: (e: DetectedEncoding) => void,
): AsyncGenerator<string> {
  let decoder: ChunkDecoder | null = null;
  for await (const chunk of bytes) {
    let buf = chunk;
    if (!decoder) {
      const detected = detectEncoding(buf);
      const enc: DetectedEncoding = forced ? { encoding: checkEncoding(forced), bomLength: 0 } : detected;
      const bom = forced ? (detected.encoding === enc.encoding ? detected.bomLength : 0) : detected.bomLength;
      onDetected?.({ encoding: enc.encoding, bomLength: bom });
      decoder = decoderFor(enc.encoding);
      buf = buf.subarray(bom);
    }
    const s = decoder.write(buf);
    if (s.length > 0) yield s;
  }
  if (decoder) {
    const s = decoder.end();
    if (s.length > 0) yield s;
  }
}
