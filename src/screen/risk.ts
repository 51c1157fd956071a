import type { Finding } from './findings.ts';
import { type Policy, RISK_LEVELS, type RiskLevel } from './policy/schema.ts';

/**
 * The risk formula (docs/screening.md):
 *
 *   score = 1 − Π (1 − sᵢ)   over findings not dismissed (noisy-OR: independent reasons add up,
 *                             a strong one dominates, nothing exceeds 1)
 *   risk  = none if score = 0, low below `thresholds.medium`, medium below `thresholds.high`, high
 *
 * then two rules the law makes, in this order:
 *   cap   — if every counted finding is of a `capAlone` type (a high-priority sector), risk is
 *           at most `capAlone.level` (low): sector goods alone are no evidence of forced labour;
 *   floor — a counted `high` finding of a `highFloor` type (listed or blocked party, a
 *           Xinjiang-located party shipping after the UFLPA took effect) makes risk `high`.
 *
 * The score is reported as computed (it ranks items within a risk level); caps and floors move
 * only the level.
 */

export interface Assessment {
  readonly risk: RiskLevel;
  readonly score: number;
}

const RANK: Record<RiskLevel, number> = { none: 0, low: 1, medium: 2, high: 3 };
export function riskRank(r: RiskLevel): number {
  return RANK[r];
}

export function isRiskLevel(s: string): s is RiskLevel {
  return (RISK_LEVELS as readonly string[]).includes(s);
}

export function assess(findings: readonly Finding[], policy: Policy): Assessment {
  const counted = findings.filter((f) => f.status !== 'dismissed' && f.score > 0);
  let keep = 1;
  for (const f of counted) keep *= 1 - f.score;
  // Rounded so equal inputs print equally across platforms and JSON stays short.
  const score = Math.round((1 - keep) * 1e6) / 1e6;
  const t = policy.risk.thresholds;
  let risk: RiskLevel = score <= 0 ? 'none' : score < t.medium ? 'low' : score < t.high ? 'medium' : 'high';

  const cap = policy.risk.capAlone;
  if (
    counted.length > 0 &&
    counted.every((f) => cap.types.includes(f.type)) &&
    RANK[risk] > RANK[cap.level]
  ) {
    risk = cap.level;
  }
  if (counted.some((f) => f.severity === 'high' && policy.risk.highFloor.includes(f.type))) risk = 'high';
  return { risk, score };
}
