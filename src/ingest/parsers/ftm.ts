import {
  type DatasetName,
  type EntityId,
  entityId,
  type FtmProperty,
  type FtmSchema,
  isFtmSchema,
  type MembershipFact,
  type PropValue,
  provenance,
  type RecordBundle,
  type RelationshipFact,
  type RelationshipKind,
  schemaIsA,
} from '../../model/index.ts';
import { readLines } from '../reader/lines.ts';
import { garbageReason } from '../reader/table.ts';
import { type ParseContext, type ParseResult, reject } from '../types.ts';
import { parsePercent } from '../values.ts';

/**
 * FollowTheMoney entities as JSON lines (`{"id","schema","properties":{prop:[values]}}`, as
 * OpenSanctions exports them). Ids are kept unchanged. Interval schemata become relationships:
 * Ownership (owner → asset, `percentage` parsed or null), Directorship (director →
 * organization), UnknownLink (subject → object) and the other person/organisation links
 * (Associate, Family, Membership, Employment, Representation, Succession) as `link`;
 * Sanction becomes a list membership of its `entity`. Everything else (Company, Person,
 * Address, Vessel…) is kept as an entity with all its properties.
 */

interface Endpoints {
  readonly kind: RelationshipKind;
  readonly source: FtmProperty;
  readonly target: FtmProperty;
}

const LINKS: Partial<Record<FtmSchema, Endpoints>> = {
  Ownership: { kind: 'ownership', source: 'owner', target: 'asset' },
  Directorship: { kind: 'directorship', source: 'director', target: 'organization' },
  UnknownLink: { kind: 'link', source: 'subject', target: 'object' },
  Associate: { kind: 'link', source: 'person', target: 'associate' },
  Family: { kind: 'link', source: 'person', target: 'relative' },
  Membership: { kind: 'link', source: 'member', target: 'organization' },
  Employment: { kind: 'link', source: 'employee', target: 'employer' },
  Representation: { kind: 'link', source: 'agent', target: 'client' },
  Succession: { kind: 'link', source: 'predecessor', target: 'successor' },
};

type Json = Record<string, unknown>;

function strings(v: unknown): string[] | null {
  if (v == null) return [];
  if (!Array.isArray(v)) return typeof v === 'string' ? [v] : null;
  const out: string[] = [];
  for (const x of v) {
    if (typeof x === 'string') out.push(x);
    else if (typeof x === 'number' || typeof x === 'boolean') out.push(String(x));
    else if (x && typeof x === 'object' && 'id' in x && typeof (x as Json).id === 'string') {
      out.push((x as Json).id as string); // nested entity (OpenSanctions "nested" exports)
    } else return null;
  }
  return out;
}

/** Percent from FtM's `percentage` text ("41.30", "41.3%"); ranges and words → null. */
export function ftmPercentage(values: readonly string[]): number | null {
  for (const v of values) {
    const p = parsePercent(v);
    if (typeof p === 'number') return p;
  }
  return null;
}

/** Which list a FtM Sanction belongs to, from its authority/program text. */
export function sanctionList(authority: string, program: string, sourceUrl: string): string {
  const t = `${authority} ${program} ${sourceUrl}`.toLowerCase();
  if (/uflpa|forced labor enforcement|uyghur forced labor/.test(t)) return 'uflpa';
  if (/withhold release/.test(t)) return 'cbp-wro';
  if (/industry and security|entity list/.test(t)) return 'bis-entity';
  if (/foreign assets control|ofac|treasury/.test(t)) return 'ofac-sdn';
  const a = authority.trim();
  return a ? `sanction:${a}` : 'sanction';
}

export async function* parseFtm(ctx: ParseContext): AsyncGenerator<ParseResult> {
  for (const path of ctx.paths) {
    for await (const lines of readLines(path, { encoding: ctx.encoding, meter: ctx.meter })) {
      for (const { line, text } of lines) {
        if (text.trim() === '') continue;
        yield ftmLine(ctx.dataset, path, line, text);
      }
    }
  }
}

/** One JSON line → facts. Exported for tests. */
export function ftmLine(dataset: DatasetName, file: string, line: number, text: string): ParseResult {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    const bad = garbageReason(text);
    return reject(file, line, bad ?? `invalid JSON: ${(e as Error).message}`, text.slice(0, 4000));
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj))
    return reject(file, line, 'not a JSON object', text);
  const o = obj as Json;
  if (typeof o.id !== 'string' || o.id.trim() === '') return reject(file, line, 'missing "id"', text);
  if (typeof o.schema !== 'string' || !isFtmSchema(o.schema)) {
    return reject(file, line, `unknown FtM schema ${JSON.stringify(o.schema)}`, text);
  }
  const schema = o.schema;
  let id: EntityId;
  try {
    id = entityId(o.id);
  } catch (e) {
    return reject(file, line, (e as Error).message, text);
  }
  const rawProps = o.properties ?? {};
  if (typeof rawProps !== 'object' || Array.isArray(rawProps))
    return reject(file, line, '"properties" is not an object', text);
  const props: Partial<Record<FtmProperty, string[]>> = {};
  for (const [k, v] of Object.entries(rawProps as Json)) {
    const vals = strings(v);
    if (vals === null) return reject(file, line, `property ${k} is not a list of strings`, text);
    const clean = vals.map((s) => s.trim()).filter((s) => s.length > 0);
    if (clean.length > 0) props[k as FtmProperty] = clean;
  }
  const prov = provenance({ dataset, sourceFile: file, recordKey: id, line });
  const first = (p: FtmProperty) => props[p]?.[0] ?? null;
  const link = LINKS[schema];
  if (link) {
    const src = first(link.source);
    const dst = first(link.target);
    if (!src || !dst) return reject(file, line, `${schema} without ${link.source} and ${link.target}`, text);
    const rel: RelationshipFact = {
      id,
      kind: link.kind,
      schema,
      source: entityId(src),
      target: entityId(dst),
      percentage: link.kind === 'ownership' ? ftmPercentage(props.percentage ?? []) : null,
      role: first('role') ?? first('relationship') ?? first('ownershipType'),
      startDate: first('startDate') ?? first('date'),
      endDate: first('endDate'),
    };
    return { ok: true, bundle: { provenance: prov, relationships: [rel] } };
  }
  if (schemaIsA(schema, 'Sanction')) {
    const target = first('entity');
    if (!target) return reject(file, line, 'Sanction without entity', text);
    const authority = (props.authority ?? []).join('; ');
    const program = first('program') ?? first('programId');
    const m: MembershipFact = {
      id,
      entityId: entityId(target),
      list: sanctionList(authority, (props.program ?? []).join(' '), (props.sourceUrl ?? []).join(' ')),
      program,
      effectiveDate: first('startDate') ?? first('listingDate') ?? first('date'),
      endDate: first('endDate'),
      scope: first('provisions') ?? first('reason'),
      rawText: text,
    };
    return { ok: true, bundle: { provenance: prov, memberships: [m] } };
  }
  const properties: Partial<Record<FtmProperty, readonly PropValue[]>> = {};
  for (const [k, vals] of Object.entries(props))
    properties[k as FtmProperty] = vals.map((value) => ({ value }));
  const bundle: RecordBundle = { provenance: prov, entities: [{ id, schema, properties }] };
  return { ok: true, bundle };
}
