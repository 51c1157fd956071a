import type { EntityId, FtmProperty, MembershipFact } from '../../model/index.ts';
import { countryCode } from '../countries.ts';
import { parsePartialDate } from '../values.ts';

/**
 * Parses the Remarks field of OFAC's legacy sdn.csv: `;`-separated statements such as
 * `a.k.a. 'BNC'`, `DOB 10 Dec 1948`, `nationality China`, `Linked To: XINJIANG PRODUCTION AND
 * CONSTRUCTION CORPS`, `National ID No. 653225197110100533 (China)`,
 * `Unified Social Credit Code (USCC) 9113100033607322XK (China)`. Statements it does not
 * understand are returned verbatim in `notes`; the caller also keeps the whole row as raw text.
 */

export interface AliasRef {
  readonly kind: 'aka' | 'fka' | 'nka';
  readonly name: string;
}

export interface OfacRemarks {
  readonly aliases: AliasRef[];
  readonly linkedTo: string[];
  readonly props: [FtmProperty, string][];
  readonly notes: string[];
}

/** Identifier statements: label (longest first at match time) → FtM property. */
const ID_LABELS: readonly [string, FtmProperty][] = [
  ['Unified Social Credit Code (USCC)', 'uscCode'],
  ['United Social Credit Code Certificate (USCCC)', 'uscCode'],
  ['Vessel Registration Identification IMO', 'imoNumber'],
  ['Identification Number IMO', 'imoNumber'],
  ['Company Number IMO', 'imoNumber'],
  ['Legal Entity Number', 'leiCode'],
  ['D-U-N-S Number', 'dunsCode'],
  ['SWIFT/BIC', 'swiftBic'],
  ['MMSI', 'mmsi'],
  ['Passport', 'passportNumber'],
  ['Diplomatic Passport', 'passportNumber'],
  ['National ID No.', 'idNumber'],
  ['Cedula No.', 'idNumber'],
  ['D.N.I.', 'idNumber'],
  ['C.U.R.P.', 'idNumber'],
  ['Identification Number', 'idNumber'],
  ['Personal ID Card', 'idNumber'],
  ['Residency Number', 'idNumber'],
  ['National Foreign ID Number', 'idNumber'],
  ['SSN', 'idNumber'],
  ['Tax ID No.', 'taxNumber'],
  ['RUC #', 'taxNumber'],
  ['NIT #', 'taxNumber'],
  ['V.A.T. Number', 'taxNumber'],
  ['R.F.C.', 'taxNumber'],
  ['CUIT', 'taxNumber'],
  ['RIF #', 'taxNumber'],
  ['Registration Number', 'registrationNumber'],
  ['Business Registration Number', 'registrationNumber'],
  ['Business Number', 'registrationNumber'],
  ['Company Number', 'registrationNumber'],
  ['Commercial Registry Number', 'registrationNumber'],
  ['Registration ID', 'registrationNumber'],
  ['Chamber of Commerce Number', 'registrationNumber'],
  ['C.R. No.', 'registrationNumber'],
  ['Folio Mercantil No.', 'registrationNumber'],
  ['Matricula Mercantil No', 'registrationNumber'],
  ['Economic Register Number (CBLS)', 'registrationNumber'],
  ['Government Gazette Number', 'registrationNumber'],
  ['Public Registration Number', 'registrationNumber'],
  ['Trade License No.', 'registrationNumber'],
  ['Certificate of Incorporation Number', 'registrationNumber'],
  ['Enterprise Number', 'registrationNumber'],
];
const ID_SORTED = [...ID_LABELS].sort((a, b) => b[0].length - a[0].length);

/** `653225197110100533 (China) issued 2010 expires 2020` → `653225197110100533`. */
function idValue(rest: string): string {
  let v = rest;
  const paren = v.indexOf(' (');
  if (paren > 0) v = v.slice(0, paren);
  v = v.replace(/\s+(issued|expires)\b.*$/i, '');
  return v.trim();
}

const ALIAS_RE = /\b([afn])\.k\.a\.,?\s+'(.*?)'(?=\s*(?:;|\.?\s*$))/g;

export function parseOfacRemarks(remarks: string): OfacRemarks {
  const out: OfacRemarks = { aliases: [], linkedTo: [], props: [], notes: [] };
  let text = remarks.trim();
  if (text === '' || text === '-0-') return out;
  // Aliases first: their quoted names may contain `;`.
  text = text.replace(ALIAS_RE, (_m, k: string, name: string) => {
    const kind = k === 'a' ? 'aka' : k === 'f' ? 'fka' : 'nka';
    if (name.trim()) out.aliases.push({ kind, name: name.trim() });
    return '';
  });
  for (let seg of text.split(';')) {
    seg = seg.trim().replace(/\.$/, '').trim();
    if (!seg) continue;
    const stmt = seg.replace(/^alt\.\s+/, '');
    if (!statement(stmt, out)) out.notes.push(seg);
  }
  return out;
}

type Rule = readonly [RegExp, (m: RegExpExecArray, out: OfacRemarks) => boolean];

function push(out: OfacRemarks, prop: FtmProperty, v: string | null | undefined): boolean {
  if (!v) return false;
  out.props.push([prop, v]);
  return true;
}

function country(out: OfacRemarks, prop: FtmProperty, raw: string): boolean {
  return push(out, prop, countryCode(raw)?.toLowerCase());
}

const RULES: readonly Rule[] = [
  [
    /^Linked To:\s*(.+)$/,
    (m, out) => {
      out.linkedTo.push((m[1] ?? '').trim());
      return true;
    },
  ],
  [
    /^DOB\s+(.+)$/,
    (m, out) => {
      const v = m[1] ?? '';
      const range = /^(.+?)\s+to\s+(.+)$/.exec(v);
      const dates = (range ? [range[1] ?? '', range[2] ?? ''] : [v]).map(parsePartialDate);
      if (dates.some((d) => d === undefined)) return false;
      for (const d of dates) push(out, 'birthDate', d);
      return true;
    },
  ],
  [/^POB\s+(.+)$/, (m, out) => push(out, 'birthPlace', m[1])],
  [/^nationality\s+(.+)$/, (m, out) => country(out, 'nationality', m[1] ?? '')],
  [/^citizen\s+(.+)$/, (m, out) => country(out, 'citizenship', m[1] ?? '')],
  [/^Gender\s+(Male|Female)$/i, (m, out) => push(out, 'gender', m[1]?.toLowerCase())],
  [/^Website\s+(.+)$/, (m, out) => push(out, 'website', m[1])],
  [/^Email Address\s+(.+)$/, (m, out) => push(out, 'email', m[1])],
  [/^Phone Number\s+(.+)$/, (m, out) => push(out, 'phone', m[1])],
  [/^Address\s+(.+)$/, (m, out) => push(out, 'address', m[1])],
  [
    /^Organization Established Date\s+(.+)$/,
    (m, out) => push(out, 'incorporationDate', parsePartialDate(m[1] ?? '')),
  ],
  [/^Organization Type:\s*(.+)$/, (m, out) => push(out, 'classification', m[1])],
  [/^Former Vessel Flag\s+(.+)$/, (m, out) => country(out, 'pastFlags', m[1] ?? '')],
  [/^Vessel Year of Build\s+(\d{4})$/, (m, out) => push(out, 'buildDate', m[1])],
];

function statement(s: string, out: OfacRemarks): boolean {
  for (const [re, handle] of RULES) {
    const m = re.exec(s);
    if (m) return handle(m, out);
  }
  for (const [label, prop] of ID_SORTED) {
    if (s.startsWith(`${label} `)) return push(out, prop, idValue(s.slice(label.length + 1)));
  }
  return false;
}

/**
 * An SDN entry's list memberships: one per program it is listed under (one without a program
 * when the entry names none), each keeping the source's own text so any change to the entry
 * changes the record. Shared by the CSV and XML parsers.
 */
export function ofacMemberships(id: EntityId, programs: readonly string[], raw: string): MembershipFact[] {
  return (programs.length > 0 ? programs : [null]).map((p) => ({
    id: `${id}-${p ?? 'sdn'}`,
    entityId: id,
    list: 'ofac-sdn',
    program: p,
    effectiveDate: null,
    endDate: null,
    scope: null,
    rawText: raw,
  }));
}
