import type { Finding, RiskLevel, ScreenResult } from '../screen/index.ts';
import type { StoredFinding } from '../store/index.ts';

/**
 * Machine renderings of screening results: the JSON line per screened item, CSV rows (one per
 * finding), the summary counts, and monitoring changes.
 */

/** The JSON object of a finding (documented in docs/screening.md). */
export function findingRecord(f: Finding): Record<string, unknown> {
  return {
    key: f.key,
    type: f.type,
    severity: f.severity,
    score: round(f.score),
    status: f.status,
    subject: {
      role: f.subject.role,
      name: f.subject.name,
      entity_id: f.subject.entityId,
      country: f.subject.country,
    },
    summary: f.summary,
    ...(f.decision ? { decision: f.decision } : {}),
    evidence: f.evidence.map((e) => ({
      step: e.step,
      text: e.text,
      dataset: e.dataset,
      record: e.record,
      ...(e.data ? { data: e.data } : {}),
    })),
  };
}

/** One JSON line per screened item: `{"shipment_id","risk","score","findings":[…]}` (or `entity`). */
export function resultRecord(r: ScreenResult): Record<string, unknown> {
  const head =
    r.kind === 'shipment'
      ? { shipment_id: r.id, dataset: r.dataset, date: r.date }
      : { entity: r.label, source: r.dataset, row: r.id };
  return {
    ...head,
    label: r.label,
    risk: r.risk,
    score: round(r.score),
    findings: r.findings.map(findingRecord),
  };
}

export const CSV_HEADERS = [
  'item_kind',
  'item_id',
  'dataset',
  'date',
  'label',
  'risk',
  'score',
  'finding_key',
  'type',
  'severity',
  'finding_score',
  'status',
  'subject_role',
  'subject_name',
  'subject_entity_id',
  'subject_country',
  'summary',
  'evidence_links',
  'evidence',
  'decided_by',
  'decision_why',
] as const;

/** CSV rows for a result: one per finding, or one with empty finding columns when there is none. */
export function resultCsvRows(r: ScreenResult): string[][] {
  const item = [r.kind, r.id, r.dataset ?? '', r.date ?? '', r.label, r.risk, String(round(r.score))];
  if (r.findings.length === 0) return [[...item, ...Array(CSV_HEADERS.length - item.length).fill('')]];
  return r.findings.map((f) => [
    ...item,
    f.key,
    f.type,
    f.severity,
    String(round(f.score)),
    f.status,
    f.subject.role,
    f.subject.name,
    f.subject.entityId ?? '',
    f.subject.country ?? '',
    f.summary,
    String(f.evidence.length),
    f.evidence.map((e) => `${e.step}: ${e.text} [${e.dataset}/${e.record.key}]`).join(' | '),
    f.decision?.who ?? '',
    f.decision?.why ?? '',
  ]);
}

/** A CSV line (RFC 4180 quoting; cells that a spreadsheet would run as formulas are prefixed with '). */
export function csvLine(cells: readonly string[]): string {
  return cells
    .map((c) => {
      const v = /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
      return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}

/** Counts per finding type over counted (not dismissed) findings, most frequent first. */
export function findingTypeCounts(results: Iterable<ScreenResult>): [string, number, number][] {
  const m = new Map<string, { items: number; high: number }>();
  for (const r of results) {
    const seen = new Set<string>();
    for (const f of r.findings) {
      if (f.status === 'dismissed' || seen.has(f.type)) continue;
      seen.add(f.type);
      const c = m.get(f.type) ?? { items: 0, high: 0 };
      c.items++;
      if (f.severity === 'high') c.high++;
      m.set(f.type, c);
    }
  }
  return [...m].map(([t, c]) => [t, c.items, c.high] as [string, number, number]).sort((a, b) => b[1] - a[1]);
}

export const RISK_ORDER: readonly RiskLevel[] = ['high', 'medium', 'low', 'none'];

/** A monitoring change as a JSON object. */
export function changeRecord(change: 'appeared' | 'disappeared', f: StoredFinding): Record<string, unknown> {
  const body = (f.body ?? {}) as { summary?: string; label?: string; subject?: unknown };
  return {
    change,
    item: f.itemKey,
    finding_key: f.findingKey,
    type: f.type,
    severity: f.severity,
    score: round(f.score),
    label: body.label ?? null,
    summary: body.summary ?? null,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
