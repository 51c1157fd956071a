import { FTM_PROPERTIES } from '../model/ftm.generated.ts';
import type { EntityFact, EntityId, FtmProperty, FtmSchema, PropValue } from '../model/index.ts';

/**
 * Collects property values for one entity: trims, drops empties and duplicates, and keeps
 * only properties the FtM schema defines (a value for another property goes to `notes` as
 * `prop: value`, so nothing the source said is silently lost).
 */
export class EntityBuilder {
  private readonly props = new Map<FtmProperty, PropValue[]>();
  private readonly valid: ReadonlySet<FtmProperty>;

  readonly id: EntityId;
  readonly schema: FtmSchema;

  constructor(id: EntityId, schema: FtmSchema) {
    this.id = id;
    this.schema = schema;
    this.valid = validProps(schema);
  }

  add(prop: FtmProperty, value: string | null | undefined, lang?: string): this {
    if (value == null) return this;
    const v = value.trim();
    if (v.length === 0) return this;
    if (!this.valid.has(prop)) {
      if (prop !== 'notes') this.add('notes', `${prop}: ${v}`);
      return this;
    }
    let list = this.props.get(prop);
    if (!list) {
      list = [];
      this.props.set(prop, list);
    }
    if (!list.some((p) => p.value === v && p.lang === lang))
      list.push(lang ? { value: v, lang } : { value: v });
    return this;
  }

  has(prop: FtmProperty): boolean {
    return (this.props.get(prop)?.length ?? 0) > 0;
  }

  build(): EntityFact {
    return { id: this.id, schema: this.schema, properties: Object.fromEntries(this.props) };
  }
}

const CACHE = new Map<FtmSchema, ReadonlySet<FtmProperty>>();
/** The properties FtM defines for `schema` (inherited ones included). */
export function validProps(schema: FtmSchema): ReadonlySet<FtmProperty> {
  let s = CACHE.get(schema);
  if (!s) {
    s = new Set(FTM_PROPERTIES[schema]);
    CACHE.set(schema, s);
  }
  return s;
}
