import { monthOfDate } from './month.ts';
import { LEGAL_EVENTS, LEGAL_WINDOW_MONTHS, type LegalEvent } from './tables.ts';

/** Which dated legal events a flagged month follows, so a flag after the UFLPA says so. */

export interface LegalContext {
  readonly id: string;
  readonly title: string;
  /** ISO date the event took effect. */
  readonly date: string;
  /** Whole calendar months from the event's month to the flagged month (0 = same month). */
  readonly months_after: number;
  readonly source: string;
  /** "2 months after the UFLPA took effect (2022-06-21)". */
  readonly phrase: string;
}

/**
 * Events that took effect in the flagged month or up to `windowMonths` before it, and that
 * govern this partner (a null partner — all partners together — matches every event) and region.
 * Most recent first.
 */
export function legalContext(
  month: number,
  partner: string | null,
  region: string,
  events: readonly LegalEvent[] = LEGAL_EVENTS,
  windowMonths: number = LEGAL_WINDOW_MONTHS,
): LegalContext[] {
  const out: LegalContext[] = [];
  for (const e of events) {
    const after = month - monthOfDate(e.date);
    if (after < 0 || after > windowMonths) continue;
    if (partner != null && e.partners.length > 0 && !e.partners.includes(partner)) continue;
    if (e.regions.length > 0 && !e.regions.includes(region)) continue;
    const when =
      after === 0 ? `in the month ${e.short}` : `${after} month${after === 1 ? '' : 's'} after ${e.short}`;
    out.push({
      id: e.id,
      title: e.title,
      date: e.date,
      months_after: after,
      source: e.source,
      phrase: `${when} (${e.date})`,
    });
  }
  return out.sort((a, b) => a.months_after - b.months_after);
}
