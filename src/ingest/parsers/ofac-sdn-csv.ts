import {
  type DatasetName,
  type EntityId,
  type FtmSchema,
  makeEntityId,
  type RelationshipFact,
} from '../../model/index.ts';
import { countryCode } from '../countries.ts';
import { EntityBuilder } from '../entity-builder.ts';
import { readTable } from '../reader/table.ts';
import { accept, type ParseContext, type ParseResult, reject } from '../types.ts';
import { looksLikeCompany } from '../values.ts';
import { ofacMemberships, parseOfacRemarks } from './ofac-remarks.ts';

/**
 * OFAC's legacy `sdn.csv`: no header, 12 columns, `-0-` for empty. One record per `ent_num`
 * (the record key); the entity id is `<dataset>-<ent_num>`, stable across snapshots.
 * `Linked To: NAME` remarks are resolved to the entry of that exact name in the same file
 * (a first pass collects names), else kept as a note.
 */

const COLUMNS = 12;
const EMPTY = '-0-';

function cell(v: string | undefined): string {
  const t = (v ?? '').trim();
  return t === EMPTY ? '' : t;
}

/** `NPWMD] [IFSR` → `['NPWMD', 'IFSR']`. */
export function ofacPrograms(raw: string): string[] {
  return raw
    .split(/\]\s*\[/)
    .map((p) => p.replace(/^\[|\]$/g, '').trim())
    .filter((p) => p.length > 0 && p !== EMPTY);
}

/** FtM schema of an SDN entry from its SDN_Type (blank means an entity). */
export function ofacSchema(type: string, name: string): FtmSchema {
  switch (type.toLowerCase()) {
    case 'individual':
      return 'Person';
    case 'vessel':
      return 'Vessel';
    case 'aircraft':
      return 'Airplane';
    default:
      return looksLikeCompany(name) ? 'Company' : 'Organization';
  }
}

/** Remarks drop the final `.` of a linked name ("CO., LTD" for "CO., LTD."): compare without it. */
function nameKey(name: string): string {
  return name.toUpperCase().replace(/\.+$/, '').trim();
}

/** Entry names → ent_num, for resolving `Linked To:`; names on two entries are ambiguous. */
async function collectNames(path: string, encoding: string | undefined): Promise<Map<string, string | null>> {
  const names = new Map<string, string | null>();
  for await (const r of readTable(path, { encoding, delimiter: ',' })) {
    if (!r.ok || r.row.cells.length !== COLUMNS) continue;
    const num = cell(r.row.cells[0]);
    const key = nameKey(cell(r.row.cells[1]));
    if (!num || !key) continue;
    names.set(key, names.has(key) && names.get(key) !== num ? null : num);
  }
  return names;
}

export async function* parseOfacSdnCsv(ctx: ParseContext): AsyncGenerator<ParseResult> {
  for (const path of ctx.paths) {
    const names = await collectNames(path, ctx.encoding);
    for await (const r of readTable(path, { encoding: ctx.encoding, meter: ctx.meter, delimiter: ',' })) {
      if (!r.ok) {
        yield r;
        continue;
      }
      yield sdnRow(ctx.dataset, path, r.row.line, r.row.cells, r.row.raw, names);
    }
  }
}

function sdnRow(
  dataset: DatasetName,
  file: string,
  line: number,
  cells: readonly string[],
  raw: string,
  names: ReadonlyMap<string, string | null>,
): ParseResult {
  if (cells.length !== COLUMNS)
    return reject(file, line, `expected ${COLUMNS} fields, got ${cells.length}`, raw);
  const [num, name, type, program, title, callSign, vessType, tonnage, grt, flag, owner, remarks] =
    cells.map(cell);
  if (!num || !/^\d+$/.test(num))
    return reject(file, line, `ent_num is not a number: ${JSON.stringify(num)}`, raw);
  if (!name) return reject(file, line, 'SDN_Name is empty', raw);
  const id = makeEntityId(dataset, num);
  const e = new EntityBuilder(id, ofacSchema(type ?? '', name));
  e.add('name', name);
  e.add('position', title);
  e.add('callSign', callSign);
  e.add('type', vessType);
  e.add('tonnage', tonnage);
  e.add('grossRegisteredTonnage', grt);
  const flagCode = flag ? countryCode(flag) : null;
  if (flagCode) e.add('flag', flagCode.toLowerCase());
  else if (flag) e.add('notes', `Vessel flag: ${flag}`);
  if (owner) e.add('notes', `Vessel owner: ${owner}`);
  e.add('programId', program);
  const parsed = parseOfacRemarks(remarks ?? '');
  for (const a of parsed.aliases) e.add(a.kind === 'fka' ? 'previousName' : 'alias', a.name);
  for (const [prop, value] of parsed.props) e.add(prop, value);
  for (const n of parsed.notes) e.add('notes', n);
  const relationships: RelationshipFact[] = [];
  for (const target of parsed.linkedTo) {
    const targetNum = names.get(nameKey(target));
    if (!targetNum || targetNum === num) {
      e.add('notes', `Linked To: ${target}`);
      continue;
    }
    relationships.push({
      id: makeEntityId(dataset, num, 'linked', targetNum),
      kind: 'link',
      schema: 'UnknownLink',
      source: id,
      target: makeEntityId(dataset, targetNum) as EntityId,
      percentage: null,
      role: 'Linked To',
      startDate: null,
      endDate: null,
    });
  }
  const programs = ofacPrograms(program ?? '');
  const memberships = ofacMemberships(id, programs, raw);
  return accept(dataset, file, num, line, { entities: [e.build()], relationships, memberships });
}
