import { cleanText } from '../values.ts';

/**
 * Reads one "Name of Entity" cell of the UFLPA Entity List. The cell carries the name, its
 * aliases and the listing's scope in prose:
 *   "Hoshine Silicon Industry (Shanshan) Co., Ltd (including one alias: Hesheng Silicon
 *    Industry (Shanshan) Co.) and subsidiaries"
 *   "X (formerly known as Y; and Z)", "X (also known as Y)",
 *   "X and its eight Zhuhai-based subsidiaries, which include: A; B; and C".
 * Parentheses are aliases only when they start with an alias phrase; "(Shanshan)" stays part
 * of the name.
 */
export interface UflpaEntry {
  readonly name: string;
  readonly aliases: string[];
  readonly previousNames: string[];
  /** The scope as stated ("and subsidiaries", "and its eight … subsidiaries, which include …"). */
  readonly scope: string | null;
  /** Subsidiaries named in the scope. */
  readonly subsidiaries: string[];
}

const ALIAS_PHRASE =
  /^(including\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+alias(?:es)?\s*:|including\s+(?:the\s+)?alias(?:es)?\s*:?|also\s+known\s+as|a\.k\.a\.?|aka|formerly\s+known\s+as|f\.k\.a\.?|previously\s+known\s+as)\s*/i;
const FORMER = /^(formerly|f\.k\.a|previously)/i;

/** Top-level parenthesised groups with their positions (nesting respected). */
function groups(s: string): { start: number; end: number; inner: string }[] {
  const out: { start: number; end: number; inner: string }[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '（') {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === ')' || c === '）') && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start, end: i + 1, inner: s.slice(start + 1, i) });
    }
  }
  return out;
}

/** "A; and B", "A; B" → ["A", "B"]. */
function splitNames(s: string): string[] {
  return s
    .split(/\s*;\s*(?:and\s+)?/i)
    .map((x) =>
      cleanText(x)
        .replace(/^and\s+/i, '')
        .replace(/[;,]$/, '')
        .trim(),
    )
    .filter((x) => x.length > 0);
}

const SCOPE = /(?:,?\s+and\s+(?:its\s+|their\s+)?(?:[\w-]+\s+){0,4}subsidiar(?:y|ies)\b.*)$/i;

export function parseUflpaEntry(cellText: string): UflpaEntry {
  let s = cleanText(cellText);
  const aliases: string[] = [];
  const previousNames: string[] = [];
  // Remove alias groups right to left so earlier positions stay valid.
  for (const g of groups(s).reverse()) {
    const inner = cleanText(g.inner);
    if (/^[\p{Script=Han}（）()·\s]+$/u.test(inner)) {
      aliases.unshift(inner); // a Chinese name in brackets: "(昌吉溢达纺织有限公司)"
      s = `${s.slice(0, g.start)} ${s.slice(g.end)}`;
      continue;
    }
    const phrase = ALIAS_PHRASE.exec(inner);
    if (!phrase) continue;
    const names = splitNames(inner.slice(phrase[0].length));
    (FORMER.test(phrase[1] ?? '') ? previousNames : aliases).unshift(...names);
    s = `${s.slice(0, g.start)} ${s.slice(g.end)}`;
  }
  s = cleanText(s);
  let scope: string | null = null;
  const subsidiaries: string[] = [];
  const sc = SCOPE.exec(s);
  if (sc && sc.index > 0) {
    scope = cleanText(sc[0].replace(/^,/, ''));
    s = s.slice(0, sc.index);
    const include = /(?:which\s+include|including)\s*:?\s*(.+)$/i.exec(scope);
    if (include?.[1]) subsidiaries.push(...splitNames(include[1]));
  }
  const name = cleanText(s).replace(/\s+,/g, ',').replace(/,$/, '');
  return { name, aliases, previousNames, scope, subsidiaries };
}
