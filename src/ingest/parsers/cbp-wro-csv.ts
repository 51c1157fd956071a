import { type MembershipFact, makeEntityId } from '../../model/index.ts';
import { countryCode } from '../countries.ts';
import { EntityBuilder } from '../entity-builder.ts';
import { accept, type ParseContext, type ParseResult, reject } from '../types.ts';
import { cleanText, looksLikeCompany, parseDate, slug } from '../values.ts';
import { parseHeaderedRows } from './headered-rows.ts';

/**
 * CBP's "Withhold Release Orders and Findings List" (CSV or XLSX as published): Date,
 * Country, Merchandise, Manufacturer/Entity, Status (Active, Modified, Revoked, Finding).
 * One record per row, keyed `<date>|<entity-slug>|<merchandise-slug>` (the list has no ids).
 * The entity id is `<dataset>-<entity-slug>`, so one manufacturer under several orders is
 * one entity. The membership's program is `WRO`, `WRO (modified)`, `WRO (revoked)` or
 * `Finding`; scope is the merchandise.
 */

export const WRO_COLUMNS = {
  date: ['Date', 'WRO Date', 'Effective Date', 'Issued'],
  country: ['Country'],
  merchandise: ['Merchandise', 'Product', 'Goods'],
  entity: ['Manufacturer/Entity', 'Manufacturer', 'Entity', 'Manufacturer / Entity', 'Company'],
  status: ['Status'],
  notes: ['Status Notes', 'Notes', 'Remarks'],
} as const;
type Col = keyof typeof WRO_COLUMNS;

/** The membership program for a CBP status. */
export function wroProgram(status: string): string | undefined {
  const s = status.trim().toLowerCase();
  if (s === '' || s === 'active') return 'WRO';
  if (s === 'modified') return 'WRO (modified)';
  if (s === 'revoked') return 'WRO (revoked)';
  if (s === 'finding' || s === 'findings') return 'Finding';
  return undefined;
}

export async function* parseCbpWroCsv(ctx: ParseContext): AsyncGenerator<ParseResult> {
  for (const path of ctx.paths) {
    yield* parseHeaderedRows<Col>(
      path,
      WRO_COLUMNS,
      {
        encoding: ctx.encoding,
        meter: ctx.meter,
        required: (h) =>
          h.has('entity') && h.has('date') ? null : 'missing Date or Manufacturer/Entity column',
      },
      (h, row) => {
        const name = cleanText(h.get(row.cells, 'entity'));
        if (!name) {
          return reject(path, row.line, 'empty Manufacturer/Entity', row.raw);
        }
        const date = parseDate(h.get(row.cells, 'date'));
        if (date === undefined) {
          return reject(
            path,
            row.line,
            `unparseable date ${JSON.stringify(h.get(row.cells, 'date'))}`,
            row.raw,
          );
        }
        const status = h.get(row.cells, 'status');
        const program = wroProgram(status);
        if (!program) {
          return reject(path, row.line, `unknown status ${JSON.stringify(status)}`, row.raw);
        }
        const merchandise = cleanText(h.get(row.cells, 'merchandise'));
        const countryText = h.get(row.cells, 'country');
        const id = makeEntityId(ctx.dataset, slug(name));
        const e = new EntityBuilder(id, looksLikeCompany(name) ? 'Company' : 'Organization').add(
          'name',
          name,
        );
        const cc = countryCode(countryText);
        if (cc) e.add('country', cc.toLowerCase());
        else e.add('notes', countryText ? `Country: ${countryText}` : null);
        const notes = h.get(row.cells, 'notes');
        if (notes) e.add('notes', notes);
        const key = `${date ?? ''}|${slug(name)}|${slug(merchandise)}`;
        const m: MembershipFact = {
          id: `${id}-${key}`,
          entityId: id,
          list: 'cbp-wro',
          program,
          effectiveDate: date,
          endDate: null,
          scope: merchandise || null,
          rawText: row.raw,
        };
        return accept(ctx.dataset, path, key, row.line, { entities: [e.build()], memberships: [m] });
      },
    );
  }
}
