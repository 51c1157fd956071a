/**
 * The key of a synthetic node for a shipment party that no entity was resolved to. Unresolved
 * trade still forms a graph this way: the same spelling from the same country on many bills
 * of lading becomes one node. It is deliberately crude (case, punctuation, spacing, width);
 * real name matching is the resolver's job and, once it has run, parties carry an entity id.
 */
export function partyKey(name: string, country: string | null): string | null {
  const norm = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (norm.length === 0) return null;
  const cc = (country ?? '').trim().toUpperCase() || '??';
  return `party:${cc}:${norm}`;
}

/** Whether a node id is a synthetic party key made by {@link partyKey}. */
export function isPartyKey(id: string): boolean {
  return id.startsWith('party:');
}
