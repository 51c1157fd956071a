import {
  type DatasetName,
  type EntityFact,
  type MembershipFact,
  makeEntityId,
  provenance,
  type RecordBundle,
  type RelationshipFact,
} from '../../model/index.ts';
import { EntityBuilder } from '../entity-builder.ts';
import { readBytes } from '../reader/byte-source.ts';
import { decodeText } from '../reader/decode.ts';
import { type ParseContext, type ParseResult, reject } from '../types.ts';
import { looksLikeCompany, parseDate, slug } from '../values.ts';
import { extractTables, type HtmlTable } from './html-tables.ts';
import { parseUflpaEntry } from './uflpa-entry.ts';

/**
 * The DHS UFLPA Entity List page: one table per statutory section, the section named in the
 * text before the table ("Section 2(d)(2)(B)(ii)"). One record per entity and section
 * (key `<name-slug>#<section>`), so an entity listed in two sections is one entity
 * (id `<dataset>-<name-slug>`) with two memberships. Section (iii) lists products, not
 * entities: its rows are reported as rejections rather than guessed into entities.
 * The page is read whole (it is small); rows keep their HTML verbatim as raw text.
 */

const SECTION_RE = /\(B\)\s*\((iv|v|i{1,3})\)/gi;

/** The section named last in the text before a table: `(i)` … `(v)`, or null. */
export function sectionOf(before: string): string | null {
  let found: string | null = null;
  for (const m of before.matchAll(SECTION_RE)) found = `(${(m[1] ?? '').toLowerCase()})`;
  return found;
}

function hasHan(s: string): boolean {
  return /\p{Script=Han}/u.test(s);
}

export async function* parseUflpaHtml(ctx: ParseContext): AsyncGenerator<ParseResult> {
  for (const path of ctx.paths) {
    let html = '';
    for await (const chunk of decodeText(readBytes(path, ctx.meter), ctx.encoding)) html += chunk;
    const tables = extractTables(html);
    if (tables.length === 0) {
      yield reject(path, 0, 'no table found: is this the UFLPA Entity List page?', '');
      continue;
    }
    for (const t of tables) yield* tableRows(ctx.dataset, path, t);
  }
}

function* tableRows(dataset: DatasetName, file: string, t: HtmlTable): Generator<ParseResult> {
  const section = sectionOf(t.before);
  let nameCol = 0;
  let dateCol = 1;
  for (const row of t.rows) {
    if (row.cells.every((c) => c.header)) {
      const texts = row.cells.map((c) => c.text.toLowerCase());
      const n = texts.findIndex((x) => /entity|name/.test(x));
      const d = texts.findIndex((x) => /date/.test(x));
      if (n >= 0) nameCol = n;
      if (d >= 0) dateCol = d;
      continue;
    }
    if (section === '(iii)') {
      yield reject(file, row.line, 'section (iii) lists products, not entities: not imported', row.raw);
      continue;
    }
    const cellText = row.cells[nameCol]?.text ?? '';
    if (!cellText) {
      yield reject(file, row.line, 'empty entity name', row.raw);
      continue;
    }
    const dateText = row.cells[dateCol]?.text ?? '';
    const effective = parseDate(dateText);
    if (effective === undefined) {
      yield reject(file, row.line, `unparseable effective date ${JSON.stringify(dateText)}`, row.raw);
      continue;
    }
    const entry = parseUflpaEntry(cellText);
    if (!entry.name) {
      yield reject(file, row.line, 'no entity name in the cell', row.raw);
      continue;
    }
    const key = slug(entry.name);
    const id = makeEntityId(dataset, key);
    const e = new EntityBuilder(id, looksLikeCompany(entry.name) ? 'Company' : 'Organization');
    e.add('name', entry.name, hasHan(entry.name) ? 'zh' : undefined);
    for (const a of entry.aliases) e.add('alias', a, hasHan(a) ? 'zh' : undefined);
    for (const a of entry.previousNames) e.add('previousName', a, hasHan(a) ? 'zh' : undefined);
    const listing = (entityId: EntityFact['id'], scope: string | null): MembershipFact => ({
      id: `${entityId}-${section ?? 'unknown'}`,
      entityId,
      list: 'uflpa',
      program: section,
      effectiveDate: effective,
      endDate: null,
      scope,
      rawText: row.raw,
    });
    const entities: EntityFact[] = [e.build()];
    const memberships: MembershipFact[] = [listing(id, entry.scope)];
    const relationships: RelationshipFact[] = [];
    for (const sub of entry.subsidiaries) {
      const subId = makeEntityId(dataset, slug(sub));
      entities.push(new EntityBuilder(subId, 'Company').add('name', sub).build());
      memberships.push(listing(subId, `named subsidiary of ${entry.name}, listed with it`));
      relationships.push({
        id: makeEntityId(dataset, key, 'subsidiary', slug(sub)),
        kind: 'ownership',
        schema: 'Ownership',
        source: id,
        target: subId,
        percentage: null,
        role: 'subsidiary (as listed)',
        startDate: null,
        endDate: null,
      });
    }
    const bundle: RecordBundle = {
      provenance: provenance({
        dataset,
        sourceFile: file,
        recordKey: `${key}#${section ?? ''}`,
        line: row.line,
      }),
      entities,
      memberships,
      relationships,
    };
    yield { ok: true, bundle };
  }
}
