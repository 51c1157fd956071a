import { createHash } from 'node:crypto';
import type { RecordBundle } from '../model/index.ts';

/**
 * Content hash of a bundle's facts, provenance excluded: the same facts on another line of a
 * newer file are unchanged, any difference in a fact is a change.
 */
export function bundleHash(b: RecordBundle): string {
  const h = createHash('sha1');
  h.update(
    JSON.stringify([
      b.entities ?? [],
      b.relationships ?? [],
      b.memberships ?? [],
      b.shipments ?? [],
      b.tradeStats ?? [],
    ]),
  );
  return h.digest('base64url');
}
