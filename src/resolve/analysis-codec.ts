import type {
  NameAnalysis,
  NameKind,
  NameScript,
  NameToken,
  NameVariant,
  TokenKind,
  VariantKind,
  VariantScript,
} from '../normalize/index.ts';

/**
 * A compact string form of a {@link NameAnalysis}, so the matcher can keep the analysis of a
 * million indexed names (about 60-120 bytes each instead of a kilobyte of objects) and score a
 * candidate without analysing its name again (which costs 10-50 µs: transliteration, pinyin,
 * legal forms). Decoding is a few string splits. Lossless for everything scoring reads; a
 * token's `from` comes back as its text.
 */

const SEC = '\u0001';
const TOK = '\u0002';
const FLD = '\u0003';
const ITEM = '\u0004';

const TOKEN_KINDS: readonly TokenKind[] = [
  'word',
  'initial',
  'particle',
  'patronymic',
  'concept',
  'place',
  'number',
  'core',
];
const VARIANT_KINDS: readonly VariantKind[] = ['original', 'transliterated', 'pinyin-translated', 'han'];
const VARIANT_SCRIPTS: readonly VariantScript[] = [
  'latin',
  'cyrillic',
  'greek',
  'abjad',
  'hangul',
  'han',
  'other',
];
const NAME_KINDS: readonly NameKind[] = ['person', 'organization', 'unknown'];
const KIND_FROM: readonly NameAnalysis['kindFrom'][] = ['schema', 'signals', 'guess'];
const SCRIPTS: readonly NameScript[] = [
  'latin',
  'han',
  'cyrillic',
  'arabic',
  'hebrew',
  'hangul',
  'kana',
  'greek',
  'other',
];

const code = (i: number) => String.fromCharCode(97 + i);
const idx = (s: string, at: number) => s.charCodeAt(at) - 97;

function encodeToken(t: NameToken): string {
  return (
    code(TOKEN_KINDS.indexOf(t.kind)) +
    (t.exact ? 'x' : '-') +
    t.text +
    FLD +
    (t.key ?? '') +
    FLD +
    (t.alts && t.alts.length > 0 ? t.alts.join(ITEM) : '') +
    FLD +
    (t.weight === 1 ? '' : String(t.weight)) +
    FLD +
    (t.pk ?? '')
  );
}

/** Encodes an analysis (without its input, which the caller keeps). */
export function encodeAnalysis(a: NameAnalysis): string {
  const header =
    code(NAME_KINDS.indexOf(a.kind)) +
    code(KIND_FROM.indexOf(a.kindFrom)) +
    a.scripts.map((s) => code(SCRIPTS.indexOf(s))).join('') +
    FLD +
    a.legalForms.map((f) => `${f.id}:${f.family}:${f.text}`).join(ITEM) +
    FLD +
    a.numbers.join(ITEM) +
    FLD +
    a.places.join(ITEM);
  const variants = a.variants.map(
    (v) =>
      code(VARIANT_KINDS.indexOf(v.kind)) +
      code(VARIANT_SCRIPTS.indexOf(v.script)) +
      (v.tokens.length > 0 ? TOK + v.tokens.map(encodeToken).join(TOK) : ''),
  );
  return [header, ...variants].join(SEC);
}

function decodeToken(s: string): NameToken {
  const f = s.split(FLD);
  const head = f[0] ?? '';
  const kind = TOKEN_KINDS[idx(head, 0)] ?? 'word';
  const text = head.slice(2);
  const key = f[1] ?? '';
  const alts = f[2] ?? '';
  const w = f[3] ?? '';
  const pk = f[4] ?? '';
  const t: NameToken = {
    text,
    kind,
    weight: w === '' ? 1 : Number(w),
    from: text,
    ...(key !== '' ? { key } : {}),
    ...(alts !== '' ? { alts: alts.split(ITEM) } : {}),
    ...(head[1] === 'x' ? { exact: true } : {}),
  };
  if (pk !== '') t.pk = pk;
  return t;
}

/** Decodes {@link encodeAnalysis}'s output; `input` is the name it was made from. */
export function decodeAnalysis(encoded: string, input: string): NameAnalysis {
  const secs = encoded.split(SEC);
  const h = (secs[0] ?? '').split(FLD);
  const head = h[0] ?? '';
  const scripts: NameScript[] = [];
  for (let i = 2; i < head.length; i++) scripts.push(SCRIPTS[idx(head, i)] ?? 'other');
  const list = (s: string | undefined) => (s ? s.split(ITEM) : []);
  const variants: NameVariant[] = [];
  for (let i = 1; i < secs.length; i++) {
    const parts = (secs[i] ?? '').split(TOK);
    const vh = parts[0] ?? '';
    const tokens = parts.slice(1).map(decodeToken);
    variants.push({
      kind: VARIANT_KINDS[idx(vh, 0)] ?? 'original',
      script: VARIANT_SCRIPTS[idx(vh, 1)] ?? 'latin',
      tokens,
      text: tokens.map((t) => t.text).join(' '),
    });
  }
  return {
    input,
    scripts,
    kind: NAME_KINDS[idx(head, 0)] ?? 'unknown',
    kindFrom: KIND_FROM[idx(head, 1)] ?? 'guess',
    legalForms: list(h[1]).map((x) => {
      const [id = '', family = '', ...text] = x.split(':');
      return { id, family, text: text.join(':') };
    }),
    numbers: list(h[2]).map(Number),
    places: list(h[3]),
    variants,
  };
}
