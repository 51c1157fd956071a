import { hash } from 'node:crypto';
import { type Provenance, ThreadlineError } from '../model/index.ts';
import { canonicalJson } from './policy/load.ts';
import type { FindingType, RiskLevel, Severity } from './policy/schema.ts';

/**
 * Findings: what screening concludes about a screened item (a bill of lading, a supplier, an
 * entity), each with the evidence chain that supports it. Every link of the chain cites the
 * dataset and source record it rests on; a finding without evidence is a bug and is refused.
 */

/** Which party (or thing) of the screened item a finding is about. */
export interface Subject {
  /** Party role on the bill of lading, `supplier` for a supplier-list row, `entity`, or `goods`. */
  readonly role: 'shipper' | 'consignee' | 'notify' | 'manufacturer' | 'supplier' | 'entity' | 'goods';
  readonly name: string;
  /** The entity the party is (resolved on the record or matched by name), if any. */
  readonly entityId: string | null;
  readonly country: string | null;
}

/** The source record a link cites. */
export interface RecordRef {
  readonly file: string;
  /** The record's key in its source (list id, bill-of-lading number, row key). */
  readonly key: string;
  /** 1-based line, when the source has lines. */
  readonly line: number | null;
}

export const EVIDENCE_STEPS = [
  'shipment',
  'party',
  'name-match',
  'membership',
  'ownership',
  'identifier',
  'address',
  'name',
  'goods',
  'trade',
] as const;
export type EvidenceStep = (typeof EVIDENCE_STEPS)[number];

/** One link of an evidence chain. */
export interface EvidenceLink {
  readonly step: EvidenceStep;
  /** One line for humans ("UFLPA Entity List, section (v), effective 2022-06-21"). */
  readonly text: string;
  readonly dataset: string;
  readonly record: RecordRef;
  /** Structured details: ids, percentages, codes, dates, the match explanation. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** An analyst's decision on a finding, as applied to it. */
export interface FindingDecision {
  readonly verdict: 'confirmed' | 'false-positive';
  readonly who: string;
  readonly at: string;
  readonly why: string;
}

/** `open` (no decision), `confirmed` (counts), `dismissed` (a false positive: reported, not counted). */
export type FindingStatus = 'open' | 'confirmed' | 'dismissed';

export interface Finding {
  /** Stable across runs: a hash of type, subject and the decisive facts (see {@link findingKey}). */
  readonly key: string;
  readonly type: FindingType;
  readonly severity: Severity;
  /** 0..1: the finding's contribution to the item's score (see risk.ts). */
  readonly score: number;
  readonly subject: Subject;
  /** One line for humans. */
  readonly summary: string;
  /** The decisive facts (hashed into the key): which list, which owner, which division code… */
  readonly facts: Readonly<Record<string, string | number | boolean | null>>;
  readonly evidence: readonly EvidenceLink[];
  readonly status: FindingStatus;
  readonly decision: FindingDecision | null;
}

/** What one screened item comes to. */
export interface ScreenResult {
  readonly kind: 'shipment' | 'entity';
  /** Shipment id (bill of lading), entity id, or supplier-list row key. */
  readonly id: string;
  /** The dataset of a shipment or entity; the file of a supplier-list row. */
  readonly dataset: string | null;
  /** Arrival date of a shipment (ISO), null otherwise or when unknown. */
  readonly date: string | null;
  /** Human label: "Shipper Co → Consignee Inc" or the supplier name. */
  readonly label: string;
  readonly risk: RiskLevel;
  readonly score: number;
  /** Strongest first; dismissed findings last. */
  readonly findings: readonly Finding[];
}

/** A finding was built without evidence (or with a link that cites no record): a bug. */
export class EvidenceError extends ThreadlineError<'finding_without_evidence'> {
  constructor(message: string) {
    super('finding_without_evidence', message);
  }
}

/** Throws {@link EvidenceError} unless there is at least one link and every link cites a record. */
export function assertEvidence(type: string, evidence: readonly EvidenceLink[]): void {
  if (evidence.length === 0) throw new EvidenceError(`${type} finding without evidence`);
  for (const e of evidence) {
    if (!e.dataset || !e.record?.file || !e.record.key) {
      throw new EvidenceError(`${type} finding has a ${e.step} link without dataset and source record`);
    }
  }
}

/** Builds an evidence link from a fact's provenance. */
export function link(
  step: EvidenceStep,
  text: string,
  p: Provenance,
  data?: Readonly<Record<string, unknown>>,
): EvidenceLink {
  return {
    step,
    text,
    dataset: p.dataset,
    record: { file: p.sourceFile, key: p.recordKey, line: p.line },
    ...(data ? { data } : {}),
  };
}

/**
 * The stable key of a finding: `type:` + 16 hex of SHA-256 over the type, the subject key and
 * the decisive facts. Scores, texts and evidence order are left out on purpose, so re-tuning a
 * weight or re-importing an unchanged list keeps keys (and the decisions made on them) stable,
 * while a different list entry, owner or division code makes a different finding.
 */
export function findingKey(type: FindingType, subjectKey: string, facts: Finding['facts']): string {
  const h = hash('sha256', canonicalJson([type, subjectKey, facts]), 'hex');
  return `${type}:${h.slice(0, 16)}`;
}

export interface FindingInput {
  readonly type: FindingType;
  readonly severity: Severity;
  readonly score: number;
  readonly subject: Subject;
  /** What identifies the subject across runs: an entity id, or a party's normalised name + country. */
  readonly subjectKey: string;
  readonly summary: string;
  readonly facts: Finding['facts'];
  readonly evidence: readonly EvidenceLink[];
}

/** Makes a finding (open, undecided), refusing one without evidence. */
export function makeFinding(f: FindingInput): Finding {
  assertEvidence(f.type, f.evidence);
  return {
    key: findingKey(f.type, f.subjectKey, f.facts),
    type: f.type,
    severity: f.severity,
    score: Math.max(0, Math.min(1, f.score)),
    subject: f.subject,
    summary: f.summary,
    facts: f.facts,
    evidence: f.evidence,
    status: 'open',
    decision: null,
  };
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };
export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

/** Orders findings for display: counted before dismissed, then severity, then score. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(a.status === 'dismissed') - Number(b.status === 'dismissed') ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    b.score - a.score ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}
