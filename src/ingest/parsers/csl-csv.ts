import { type FtmSchema, type MembershipFact, makeEntityId } from '../../model/index.ts';
import { countryCode } from '../countries.ts';
import { EntityBuilder } from '../entity-builder.ts';
import { accept, type ParseContext, type ParseResult, reject } from '../types.ts';
import { looksLikeCompany, parseDate, parsePartialDate, slug } from '../values.ts';
import { parseHeaderedRows } from './headered-rows.ts';
import { parseOfacRemarks } from './ofac-remarks.ts';

/**
 * trade.gov's Consolidated Screening List CSV (`_id, source, entity_number, type, programs,
 * name, title, addresses, federal_register_notice, start_date, end_date, …, alt_names, ids`).
 * Multi-valued cells are `;`-separated. One record per `_id`. Each row's list follows its
 * `source`: the BIS Entity List → `bis-entity`, OFAC's SDN list → `ofac-sdn`, any other →
 * `csl:<abbreviation>` (`csl:uvl`, `csl:meu`…); one membership per program.
 */

export const CSL_COLUMNS = {
  id: ['_id', 'id'],
  source: ['source'],
  entityNumber: ['entity_number'],
  type: ['type'],
  programs: ['programs'],
  name: ['name'],
  title: ['title'],
  addresses: ['addresses'],
  frNotice: ['federal_register_notice'],
  startDate: ['start_date'],
  endDate: ['end_date'],
  callSign: ['call_sign'],
  vesselType: ['vessel_type'],
  vesselFlag: ['vessel_flag'],
  remarks: ['remarks'],
  sourceListUrl: ['source_list_url'],
  altNames: ['alt_names'],
  citizenships: ['citizenships'],
  datesOfBirth: ['dates_of_birth'],
  nationalities: ['nationalities'],
  placesOfBirth: ['places_of_birth'],
  ids: ['ids'],
} as const;
type Col = keyof typeof CSL_COLUMNS;

/** The list a CSL source maps to. */
export function cslList(source: string): string {
  const s = source.toLowerCase();
  if (s.includes('entity list') && s.includes('industry and security')) return 'bis-entity';
  if (s.includes('specially designated nationals')) return 'ofac-sdn';
  const abbr = /\(([A-Z][A-Z0-9-]{1,12})\)/.exec(source)?.[1];
  return `csl:${(abbr ?? slug(source)).toLowerCase()}`;
}

function schemaOf(type: string, name: string): FtmSchema {
  switch (type.trim().toLowerCase()) {
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

const split = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

export async function* parseCslCsv(ctx: ParseContext): AsyncGenerator<ParseResult> {
  for (const path of ctx.paths) {
    yield* parseHeaderedRows<Col>(
      path,
      CSL_COLUMNS,
      {
        encoding: ctx.encoding,
        meter: ctx.meter,
        required: (h) => (h.has('name') && h.has('source') ? null : 'missing name or source column'),
      },
      (h, row) => {
        const get = (c: Col) => h.get(row.cells, c);
        const name = get('name');
        const source = get('source');
        if (!name || !source) {
          return reject(path, row.line, 'empty name or source', row.raw);
        }
        const start = parseDate(get('startDate'));
        const end = parseDate(get('endDate'));
        if (start === undefined || end === undefined) {
          return reject(path, row.line, 'unparseable start_date or end_date', row.raw);
        }
        const key = get('id') || `${slug(source)}|${get('entityNumber')}|${slug(name)}`;
        const id = makeEntityId(ctx.dataset, key);
        const e = new EntityBuilder(id, schemaOf(get('type'), name));
        e.add('name', name);
        e.add('position', get('title'));
        for (const a of split(get('altNames'))) e.add('alias', a);
        for (const a of split(get('addresses'))) {
          e.add('address', a);
          const last = a.split(',').pop() ?? '';
          e.add('country', countryCode(last)?.toLowerCase());
        }
        for (const c of split(get('nationalities'))) e.add('nationality', countryCode(c)?.toLowerCase());
        for (const c of split(get('citizenships'))) e.add('citizenship', countryCode(c)?.toLowerCase());
        for (const d of split(get('datesOfBirth'))) e.add('birthDate', parsePartialDate(d) ?? null);
        for (const p of split(get('placesOfBirth'))) e.add('birthPlace', p);
        for (const idText of split(get('ids'))) {
          const [type = '', number = ''] = idText.split(',').map((x) => x.trim());
          const parsed = parseOfacRemarks(`${type} ${number}`);
          if (parsed.props.length > 0) for (const [p, v] of parsed.props) e.add(p, v);
          else e.add('notes', idText);
        }
        e.add('callSign', get('callSign'));
        e.add('type', get('vesselType'));
        e.add('flag', countryCode(get('vesselFlag'))?.toLowerCase());
        e.add('notes', get('remarks'));
        e.add('sourceUrl', get('sourceListUrl'));
        const programs = split(get('programs'));
        const list = cslList(source);
        const scope = get('frNotice') ? `Federal Register: ${get('frNotice')}` : null;
        const memberships: MembershipFact[] = (programs.length > 0 ? programs : [null]).map((p) => ({
          id: `${id}-${p ?? list}`,
          entityId: id,
          list,
          program: p,
          effectiveDate: start,
          endDate: end,
          scope,
          rawText: row.raw,
        }));
        return accept(ctx.dataset, path, key, row.line, { entities: [e.build()], memberships });
      },
    );
  }
}
