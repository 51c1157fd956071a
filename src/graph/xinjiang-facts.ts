import type { FtmProperty, Provenance, Statement } from '../model/index.ts';
import {
  allPlaceSpellings,
  findUsccs,
  findXpcc,
  foldPlaceName,
  type Location,
  locate,
  parseUscc,
} from '../normalize/index.ts';

/**
 * Xinjiang location of an entity or a shipment party, as structured, citable facts: a USCC
 * registered in a 65xxxx division (6590xx: an XPCC-run city), an address `locate` places in
 * Xinjiang, XPCC unit naming (兵团, 农八师, 一五二团, "XPCC 8th Division"), or a Chinese company
 * name carrying a Xinjiang registration region. Plain data, so a snapshot carries it to
 * screening workers; `XinjiangLocator` (xinjiang.ts) collects them while the graph loads and
 * turns them into the exposure reason traces cite.
 */

export type XinjiangBasis = 'uscc' | 'address' | 'xpcc-unit' | 'name';

export interface XinjiangFact {
  readonly basis: XinjiangBasis;
  /** Run by (or registered in a city of) the XPCC. */
  readonly xpcc: boolean;
  /** Division code (65…, 6590xx) or XPCC unit code that decided it, when known. */
  readonly code: string | null;
  /** 0..1 (1 for a valid USCC). */
  readonly confidence: number;
  /** One line for humans. */
  readonly text: string;
  /** The value looked at: the USCC, the address, the name. */
  readonly value: string;
  /** Property or field it came from (`uscCode`, `address`, `name`, `shipper.address`). */
  readonly field: string;
  readonly provenance: Provenance;
}

const ID_PROPS: readonly FtmProperty[] = ['uscCode', 'registrationNumber', 'taxNumber', 'idNumber'];
const TEXT_ID_PROPS: readonly FtmProperty[] = ['notes', 'description'];
/**
 * A cheap test that `text` could be located in Xinjiang at all: Han characters, or (case,
 * accents and spaces folded) a gazetteer spelling or an XPCC word somewhere in it. `locate`
 * costs ~60-80 µs and only ever places text in Xinjiang through those, so this skips it for the
 * great majority of addresses (Guangzhou, Gazipur, Newark) at ~2 µs. False positives only cost
 * time ("bay" in "Bayonne" runs `locate`, which then says no).
 */
const HAN = /\p{Script=Han}/u;
const LATIN_SPELLINGS = new RegExp(
  [
    ...[...allPlaceSpellings().keys()].filter((k) => !HAN.test(k)),
    'xpcc',
    'bingtuan',
    'productionandconstruction',
    'division',
    'regiment',
    'tuan',
  ]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
);
export function mayBeXinjiang(text: string): boolean {
  return HAN.test(text) || LATIN_SPELLINGS.test(foldPlaceName(text));
}

/** A USCC registered in Xinjiang, or null. */
export function xinjiangFromIdentifier(value: string, field: string, p: Provenance): XinjiangFact | null {
  const u = parseUscc(value);
  if (!u.valid || !u.xinjiang || !u.region) return null;
  const where = placeNames(u.region.code, u.region.prefecture?.en, u.region.county?.en);
  return {
    basis: 'uscc',
    xpcc: u.xpcc,
    code: u.region.code,
    confidence: 1,
    text: `USCC ${u.code} registered in Xinjiang, division ${u.region.code}${where ? ` (${where})` : ''}${
      u.xpcc ? `, an XPCC city of the ${ordinal(u.xpccDivision)} Division` : ''
    }`,
    value: u.code,
    field,
    provenance: p,
  };
}

/** An address placed in Xinjiang with at least `minConfidence`, or null. */
export function xinjiangFromAddress(
  text: string,
  field: string,
  p: Provenance,
  minConfidence: number,
): XinjiangFact | null {
  if (!mayBeXinjiang(text)) return null;
  const loc = locate(text);
  if (!loc.xinjiang || loc.confidence < minConfidence) return null;
  const unit = loc.xpcc?.unit?.code ?? null;
  return {
    basis: loc.xpcc ? 'xpcc-unit' : 'address',
    xpcc: loc.xpcc !== null,
    code: unit ?? loc.county?.code ?? loc.prefecture?.code ?? '65',
    confidence: round(loc.confidence),
    text: `address in Xinjiang: ${describe(loc)}`,
    value: text,
    field,
    provenance: p,
  };
}

/**
 * A name naming an XPCC unit, or a company name whose registration region is in Xinjiang. A
 * party known to be outside China (`country` set and not CN) is never located by its name
 * alone: "Xinjiang Restaurant LLC" in New York is a restaurant.
 */
export function xinjiangFromName(
  text: string,
  country: string | null,
  field: string,
  p: Provenance,
  minConfidence: number,
): XinjiangFact | null {
  if (country && country.toUpperCase() !== 'CN') return null;
  if (!mayBeXinjiang(text)) return null;
  const units = findXpcc(text).filter((m) => m.strong);
  if (units.length > 0) {
    const unit = units.find((m) => m.unit) ?? units.find((m) => m.division !== null) ?? units[0];
    return {
      basis: 'xpcc-unit',
      xpcc: true,
      code: unit?.unit?.code ?? null,
      confidence: 1,
      text: `name names an XPCC unit: ${units.map((m) => m.token).join(', ')}`,
      value: text,
      field,
      provenance: p,
    };
  }
  const loc = locate(text);
  if (!loc.xinjiang || loc.confidence < minConfidence) return null;
  return {
    basis: 'name',
    xpcc: loc.xpcc !== null,
    code: loc.county?.code ?? loc.prefecture?.code ?? '65',
    confidence: round(loc.confidence),
    text: `company name carries a Xinjiang registration region: ${describe(loc)}`,
    value: text,
    field,
    provenance: p,
  };
}

/** Xinjiang facts from an entity's statements (identifiers, addresses, names). */
export function xinjiangFromStatements(
  statements: readonly Statement[],
  country: string | null,
  minConfidence: number,
): XinjiangFact[] {
  const out: XinjiangFact[] = [];
  const seen = new Set<string>();
  const add = (f: XinjiangFact | null) => {
    if (!f) return;
    const k = `${f.basis}|${f.value}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(f);
  };
  for (const st of statements) {
    if (ID_PROPS.includes(st.prop)) add(xinjiangFromIdentifier(st.value, st.prop, st.provenance));
    else if (TEXT_ID_PROPS.includes(st.prop)) {
      for (const code of findUsccs(st.value)) add(xinjiangFromIdentifier(code, st.prop, st.provenance));
    } else if (st.prop === 'address')
      add(xinjiangFromAddress(st.value, st.prop, st.provenance, minConfidence));
    else if (st.prop === 'name' || st.prop === 'alias' || st.prop === 'previousName')
      add(xinjiangFromName(st.value, country, st.prop, st.provenance, minConfidence));
  }
  return sortFacts(out);
}

const BASIS_RANK: Record<XinjiangBasis, number> = { uscc: 0, 'xpcc-unit': 1, address: 2, name: 3 };
/** Strongest first: USCC, XPCC unit, address, name. */
export function sortFacts(facts: XinjiangFact[]): XinjiangFact[] {
  return facts.sort((a, b) => BASIS_RANK[a.basis] - BASIS_RANK[b.basis] || b.confidence - a.confidence);
}

/** "Aksu, Aksu City"; for 6590xx only the city (its "prefecture" is the XPCC-cities grouping). */
function placeNames(
  code: string | undefined,
  prefecture: string | undefined,
  county: string | undefined,
): string {
  const parts = code?.startsWith('6590') ? [county] : [prefecture, county];
  return [...new Set(parts.filter((x): x is string => Boolean(x)))].join(', ');
}

function describe(loc: Location): string {
  const names = placeNames(loc.county?.code ?? loc.prefecture?.code, loc.prefecture?.en, loc.county?.en);
  const parts = names ? [names] : [];
  if (loc.xpcc) {
    const d = loc.xpcc.division;
    parts.push(`XPCC${d ? ` ${ordinal(d)} Division` : ''}${loc.xpcc.unit ? ` (${loc.xpcc.unit.zh})` : ''}`);
  }
  const uniq = [...new Set(parts)];
  return uniq.join(', ') || 'Xinjiang';
}

function ordinal(n: number | null): string {
  if (n === null) return '?';
  const s =
    n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10];
  return `${n}${s ?? 'th'}`;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
