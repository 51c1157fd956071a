import type { EntityFact, FtmProperty, PropValue } from '../../model/index.ts';
import { schemaIsA } from '../../model/index.ts';
import { findResidentIds, parseResidentId } from './resident-id.ts';
import { findUsccs, parseUscc } from './uscc.ts';

/**
 * Import-time enrichment of an entity from its identifiers. Pure: returns a new fact (or the
 * same object when nothing changes).
 *
 * - USCCs found in `registrationNumber`, `idNumber`, `taxNumber`, `uscCode`, `notes`,
 *   `description` are added to `uscCode` (FtM's own property for them).
 * - Chinese resident identity numbers found in the same text (OFAC: "National ID No.
 *   653225197110100533 (China)") are added to `idNumber` of a Person.
 * - Location from identifiers is recorded as FtM `keywords`, not `country`: `country` stays what
 *   the source said, because a registration code says where the registrar sits, not where the
 *   entity trades. Keywords: `cn-division:DDDDDD` (the decoded 6-digit division), `xinjiang`
 *   (65xxxx) and `xpcc` (6590xx XPCC cities, plus `xpcc-division:N`). Screeners read these.
 */
export const ENRICH_KEYWORDS = {
  xinjiang: 'xinjiang',
  xpcc: 'xpcc',
  division: 'cn-division:',
  xpccDivision: 'xpcc-division:',
} as const;

const SCAN: readonly FtmProperty[] = [
  'uscCode',
  'registrationNumber',
  'idNumber',
  'taxNumber',
  'notes',
  'description',
];

export function enrichEntity(fact: EntityFact): EntityFact {
  if (!schemaIsA(fact.schema, 'LegalEntity')) return fact;
  const props = fact.properties;
  const texts = SCAN.flatMap((p) => (props[p] ?? []).map((v) => v.value));
  const usccs = texts.flatMap((t) => findUsccs(t));
  const ids = schemaIsA(fact.schema, 'Person') ? texts.flatMap((t) => findResidentIds(t)) : [];

  const add: Partial<Record<FtmProperty, string[]>> = {};
  const push = (prop: FtmProperty, value: string) => {
    const have = (props[prop] ?? []).some((v) => v.value === value);
    const list = add[prop] ?? [];
    if (!have && !list.includes(value)) list.push(value);
    add[prop] = list;
  };
  for (const code of usccs) {
    push('uscCode', code);
    const u = parseUscc(code);
    if (u.region) push('keywords', `${ENRICH_KEYWORDS.division}${u.region.code}`);
    if (u.xinjiang) push('keywords', ENRICH_KEYWORDS.xinjiang);
    if (u.xpcc) push('keywords', ENRICH_KEYWORDS.xpcc);
    if (u.xpccDivision !== null) push('keywords', `${ENRICH_KEYWORDS.xpccDivision}${u.xpccDivision}`);
  }
  for (const id of ids) {
    push('idNumber', id);
    const r = parseResidentId(id);
    if (r.region) push('keywords', `${ENRICH_KEYWORDS.division}${r.region.code}`);
    if (r.xinjiang) push('keywords', ENRICH_KEYWORDS.xinjiang);
  }
  const entries = Object.entries(add).filter(([, v]) => v.length > 0) as [FtmProperty, string[]][];
  if (entries.length === 0) return fact;
  const properties: Partial<Record<FtmProperty, readonly PropValue[]>> = { ...props };
  for (const [prop, values] of entries)
    properties[prop] = [...(props[prop] ?? []), ...values.map((value) => ({ value }))];
  return { ...fact, properties };
}
