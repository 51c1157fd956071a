import table from './data/country-aliases.json' with { type: 'json' };

/**
 * Country names and codes → ISO 3166-1 alpha-2 (upper case). Built once from CLDR through
 * `Intl.DisplayNames` (English and Chinese names of every region code), plus the aliases
 * in data/country-aliases.json for the spellings lists and vendors use.
 */

/** Folds a country spelling: diacritics, case, punctuation and spaces removed; `&` is "and". */
export function foldCountry(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const BY_NAME = new Map<string, string>();
const CODES = new Set<string>();

function build(): void {
  const excluded = new Set(table.exclude);
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const zh = new Intl.DisplayNames(['zh'], { type: 'region' });
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of A) {
    for (const b of A) {
      const code = a + b;
      if (excluded.has(code)) continue;
      let name: string | undefined;
      try {
        name = en.of(code);
      } catch {
        continue;
      }
      if (!name || name === code) continue;
      CODES.add(code);
      // "Hong Kong SAR China", "Myanmar (Burma)": index the name and its short forms.
      const variants = [name, name.replace(/\s*\(.*\)$/, ''), name.replace(/\s+SAR China$/, '')];
      const zhName = zh.of(code);
      if (zhName && zhName !== code) variants.push(zhName);
      for (const v of variants) {
        const k = foldCountry(v);
        if (k && !BY_NAME.has(k)) BY_NAME.set(k, code);
      }
    }
  }
  for (const [name, code] of Object.entries(table.aliases)) BY_NAME.set(foldCountry(name), code);
}
build();

/** ISO alpha-2 for a code (`cn`, `CN`) or a name (`China`, `Korea, North`, `中国`), else null. */
export function countryCode(raw: string): string | null {
  const s = raw.trim();
  if (s.length === 0) return null;
  if (s.length === 2) {
    const up = s.toUpperCase();
    if (up === 'UK') return 'GB';
    if (CODES.has(up)) return up;
  }
  return BY_NAME.get(foldCountry(s)) ?? null;
}
