import { safeText } from '../model/index.ts';
import type { EvidenceLink, Finding, ScreenResult } from '../screen/index.ts';

/**
 * Human renderings of screening results: one result with its findings and their evidence
 * chains, for a terminal or a text report. Explanations are rendered, never recomputed.
 * Names come from data and are untrusted: every piece of data text is stripped of control
 * characters before it is printed.
 */

/** Data text made safe for a terminal: one line, no escapes, no bidi reordering. */
export const clean = safeText;

export interface RenderOptions {
  /** Evidence links shown per finding (default 12; the rest are counted). */
  readonly maxEvidence?: number;
  /** Show dismissed findings (default true). */
  readonly showDismissed?: boolean;
  /** Show finding keys, for `threadline decide` (default true). */
  readonly showKeys?: boolean;
}

const RISK_LABEL = { none: 'NONE', low: 'LOW', medium: 'MEDIUM', high: 'HIGH' } as const;

/** "HIGH 0.88  bill X (2022-09-15)  Shipper → Consignee" */
export function resultHeadline(r: ScreenResult): string {
  const what = r.kind === 'shipment' ? `bill ${clean(r.id)}` : clean(r.id);
  return `${RISK_LABEL[r.risk]} ${r.score.toFixed(2)}  ${what}${r.date ? ` (${r.date})` : ''}  ${clean(r.label)}`;
}

/** Where a link's record lives: `dataset · file:line · key`. */
export function citation(e: EvidenceLink): string {
  const at = e.record.line !== null ? `${clean(e.record.file)}:${e.record.line}` : clean(e.record.file);
  return `${clean(e.dataset)} · ${at} · ${clean(e.record.key)}`;
}

/** One finding: headline, subject, summary, the decision if any, and the evidence chain. */
export function renderFinding(f: Finding, n: number, opts: RenderOptions = {}): string[] {
  const max = opts.maxEvidence ?? 12;
  const status = f.status === 'dismissed' ? '  [DISMISSED]' : f.status === 'confirmed' ? '  [CONFIRMED]' : '';
  const lines = [
    `  ${n}. ${f.type}  ${f.severity} ${f.score.toFixed(2)}${status}${opts.showKeys === false ? '' : `  key ${f.key}`}`,
    `     ${clean(f.subject.role)} ${clean(f.subject.name)}${f.subject.country ? ` (${clean(f.subject.country)})` : ''}${
      f.subject.entityId ? ` [${clean(f.subject.entityId)}]` : ''
    }`,
    `     ${clean(f.summary)}`,
  ];
  if (f.decision) {
    const verb = f.decision.verdict === 'false-positive' ? 'dismissed as a false positive' : 'confirmed';
    lines.push(
      `     ${verb} by ${clean(f.decision.who)} on ${clean(f.decision.at)}: "${clean(f.decision.why)}"`,
    );
  }
  lines.push('     evidence:');
  f.evidence.slice(0, max).forEach((e, i) => {
    lines.push(`       ${String(i + 1).padStart(2)}. ${e.step.padEnd(10)} ${clean(e.text)}`);
    lines.push(`           ↳ ${citation(e)}`);
  });
  if (f.evidence.length > max) lines.push(`       … ${f.evidence.length - max} more links (see --json)`);
  return lines;
}

/** One screened item with all its findings and evidence, as text lines joined by newlines. */
export function renderResult(r: ScreenResult, opts: RenderOptions = {}): string {
  const findings =
    opts.showDismissed === false ? r.findings.filter((f) => f.status !== 'dismissed') : r.findings;
  const lines = [resultHeadline(r)];
  if (findings.length === 0) lines.push('  no findings');
  findings.forEach((f, i) => {
    lines.push(...renderFinding(f, i + 1, opts));
  });
  return lines.join('\n');
}
