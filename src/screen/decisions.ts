import type { FindingVerdict, Judgement } from '../model/index.ts';
import { compareFindings, type Finding, type FindingDecision, type ScreenResult } from './findings.ts';
import type { Policy } from './policy/schema.ts';
import { assess } from './risk.ts';

/**
 * Analyst decisions on findings. A decision is a store judgement of kind `finding` keyed by the
 * finding's stable key; the latest one per key wins, so an analyst can reverse themselves and
 * the full history stays in the store as the audit trail. Because keys hash the subject and the
 * decisive facts, not the shipment, a decision on "party X matches UFLPA entry Y" applies to
 * every bill of lading on which X appears, in this run and later ones.
 */

/** The latest decision per finding key. Plain data, so it can travel to screening workers. */
export type Decisions = ReadonlyMap<string, FindingDecision>;

/** Latest decision per key from judgements listed oldest first (as `store.listJudgements` returns them). */
export function latestDecisions(judgements: readonly Judgement[]): Map<string, FindingDecision> {
  const out = new Map<string, FindingDecision>();
  for (const j of judgements) {
    if (j.kind !== 'finding') continue;
    out.set(j.findingKey, { verdict: j.verdict, who: j.who, at: j.at, why: j.why });
  }
  return out;
}

/** Marks one finding with its decision: confirmed ones count, false positives are dismissed. */
export function decide(f: Finding, d: FindingDecision | undefined): Finding {
  if (!d) return f.status === 'open' && f.decision === null ? f : { ...f, status: 'open', decision: null };
  return { ...f, status: d.verdict === 'false-positive' ? 'dismissed' : 'confirmed', decision: d };
}

/** Applies decisions to a result's findings and re-assesses its risk. */
export function applyDecisions(r: ScreenResult, decisions: Decisions, policy: Policy): ScreenResult {
  if (decisions.size === 0) return r;
  const findings = r.findings.map((f) => decide(f, decisions.get(f.key))).sort(compareFindings);
  return { ...r, ...assess(findings, policy), findings };
}

/** Builds the judgement a `decide` command stores. */
export function findingJudgement(opts: {
  findingKey: string;
  verdict: FindingVerdict;
  why: string;
  who: string;
  at?: string;
}): Judgement {
  return {
    kind: 'finding',
    findingKey: opts.findingKey,
    verdict: opts.verdict,
    who: opts.who,
    at: opts.at ?? new Date().toISOString(),
    why: opts.why,
  };
}

/** Whether a string looks like a finding key (`type:16 hex`). */
export function isFindingKey(s: string): boolean {
  return /^[a-z_]+:[0-9a-f]{16}$/.test(s);
}
