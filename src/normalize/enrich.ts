import type { RecordBundle } from '../model/index.ts';
import { enrichEntity } from './ids/index.ts';
import { enrichShipment } from './places/index.ts';

/**
 * What import applies to every record: identifiers found in free text become identifier
 * properties (USCC, resident ids) with their place tags, ports get codes and countries, HS
 * codes are normalised. Pure, so re-importing the same file gives the same hash.
 */
export function enrichBundle(b: RecordBundle): RecordBundle {
  if (!b.entities?.length && !b.shipments?.length) return b;
  return {
    ...b,
    ...(b.entities ? { entities: b.entities.map(enrichEntity) } : {}),
    ...(b.shipments ? { shipments: b.shipments.map(enrichShipment) } : {}),
  };
}
