import legal from './legal-events.json' with { type: 'json' };

/** The flows module's data table, loaded once: dated legal events. */

export interface LegalEvent {
  readonly id: string;
  /** ISO date the event took effect. */
  readonly date: string;
  readonly title: string;
  /** Used in flag reasons: "2 months after {short}". */
  readonly short: string;
  /** Partner countries whose trade it governs (empty: all). */
  readonly partners: readonly string[];
  /** Reporter regions it targets (empty: any). */
  readonly regions: readonly string[];
  readonly source: string;
}

export const LEGAL_EVENTS: readonly LegalEvent[] = legal.events;
export const LEGAL_EVENTS_SOURCE: string = legal.source;
/** How long after an event a flag still cites it. */
export const LEGAL_WINDOW_MONTHS: number = legal.windowMonths;
