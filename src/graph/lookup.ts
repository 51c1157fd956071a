import { type Entity, entityId, ThreadlineError } from '../model/index.ts';
import type { Store } from '../store/index.ts';

/** What a command-line ENTITY argument (an imported id or an exact name) refers to. */
export type EntityLookup =
  | { readonly kind: 'found'; readonly id: string; readonly entity: Entity | null }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Entity[] }
  | { readonly kind: 'not-found' };

/**
 * Resolves `arg` as an entity id, else as an exact (case-insensitive) name or alias. A name
 * shared by several entities is ambiguous unless resolution put them all in one cluster.
 * Synthetic party keys (`party:CC:name`) are not in the store: the caller checks the graph.
 */
export async function lookupEntity(store: Store, arg: string, limit = 20): Promise<EntityLookup> {
  let asId: Entity | null = null;
  try {
    asId = await store.getEntity(entityId(arg));
  } catch (err) {
    // Not a well-formed id (control characters, too long): it can still be a name.
    if (!(err instanceof ThreadlineError)) throw err;
  }
  if (asId) return { kind: 'found', id: asId.id, entity: asId };
  const byName = await store.findEntitiesByName(arg, limit);
  if (byName.length === 0) return { kind: 'not-found' };
  const first = byName[0] as Entity;
  if (byName.length === 1) return { kind: 'found', id: first.id, entity: first };
  const resolution = await store.getResolution();
  const canon = new Set(byName.map((e) => resolution.get(e.id) ?? e.id));
  if (canon.size === 1) return { kind: 'found', id: [...canon][0] as string, entity: first };
  return { kind: 'ambiguous', candidates: byName };
}
