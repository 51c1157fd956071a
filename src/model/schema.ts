import { ValidationError } from './errors.ts';
import { FTM_ANCESTORS, FTM_SCHEMATA, type FtmProperty, type FtmSchema } from './ftm.generated.ts';

export type { FtmProperty, FtmSchema } from './ftm.generated.ts';

/** The party schemata Threadline resolves and screens. */
export const PARTY_SCHEMATA = ['Company', 'Organization', 'Person', 'LegalEntity', 'PublicBody'] as const;
export type PartySchema = (typeof PARTY_SCHEMATA)[number];

/** Whether `schema` is `parent` or inherits from it (FtM is-a). */
export function schemaIsA(schema: FtmSchema, parent: FtmSchema): boolean {
  return FTM_ANCESTORS[schema].includes(parent);
}

const SCHEMA_SET: ReadonlySet<string> = new Set(FTM_SCHEMATA);
export function ftmSchema(raw: string): FtmSchema {
  if (!SCHEMA_SET.has(raw)) throw new ValidationError('invalid_value', `unknown FtM schema: ${raw}`);
  return raw as FtmSchema;
}
export function isFtmSchema(raw: string): raw is FtmSchema {
  return SCHEMA_SET.has(raw);
}

/**
 * Two party schemata can describe the same real-world party when one is-a the other
 * (Company is-a LegalEntity) — Person and Company never can.
 */
export function schemataCompatible(a: FtmSchema, b: FtmSchema): boolean {
  return schemaIsA(a, b) || schemaIsA(b, a);
}

/** Name-like FtM properties, strongest first. */
export const NAME_PROPS: readonly FtmProperty[] = [
  'name',
  'alias',
  'previousName',
  'weakAlias',
  'abbreviation',
];
/** Identifier-like FtM properties that the matcher and screeners read. */
export const ID_PROPS: readonly FtmProperty[] = [
  'uscCode',
  'leiCode',
  'registrationNumber',
  'idNumber',
  'taxNumber',
  'innCode',
  'ogrnCode',
  'dunsCode',
  'swiftBic',
  'imoNumber',
  'passportNumber',
];
