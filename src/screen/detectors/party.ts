import { ownersPhrase, type XinjiangFact } from '../../graph/index.ts';
import type { StoredMembership } from '../../model/index.ts';
import {
  dedupeLinks,
  listTitle,
  matchedIdentifier,
  matchLink,
  membershipLink,
  ownershipLinks,
  xinjiangLink,
} from '../evidence.ts';
import { fmtPct } from '../exposure.ts';
import { type EvidenceLink, type Finding, makeFinding } from '../findings.ts';
import type { Target } from '../party.ts';
import type { Severity } from '../policy/schema.ts';
import type { Snapshot } from '../snapshot.ts';
import { type ItemContext, type PartyContext, predates } from './context.ts';

/**
 * Party findings: `listed`, `owned_by_listed`, `xinjiang_located`. Keys hash the party (its
 * entity id, or normalised name + country) and the decisive facts — never the shipment — so a
 * decision on a party carries to every bill it appears on.
 */
export function partyFindings(snap: Snapshot, item: ItemContext, pc: PartyContext): Finding[] {
  const out: Finding[] = [];
  const f = snap.policy.findings;
  for (const t of pc.view.targets) {
    const prefix = targetPrefix(item, pc, t);
    if (f.listed.enabled) out.push(...listedFindings(snap, item, pc, t, prefix));
    if (f.owned_by_listed.enabled) {
      const o = ownedFinding(snap, item, pc, t, prefix);
      if (o) out.push(o);
    }
  }
  if (f.xinjiang_located.enabled) {
    const x = xinjiangFinding(snap, item, pc);
    if (x) out.push(x);
  }
  return out;
}

function targetPrefix(item: ItemContext, pc: PartyContext, t: Target): EvidenceLink[] {
  return t.via === 'match' && t.match
    ? [pc.link, matchLink(pc.party.name, t.name, t.entityId, t.match, item.provenance)]
    : [pc.link];
}

/** "matches X", or "matches X by identifier: …" when an identifier, not the name, decided. */
function matchPhrase(t: Target): string {
  const id = t.match ? matchedIdentifier(t.match) : null;
  return `matches ${t.name}${id ? ` by identifier: ${id}` : ''}`;
}

function subjectOf(pc: PartyContext, t: Target | null) {
  return {
    role: pc.role,
    name: pc.party.name,
    entityId: t?.entityId ?? pc.party.entityId,
    country: pc.party.country,
  };
}

function listedFindings(
  snap: Snapshot,
  item: ItemContext,
  pc: PartyContext,
  t: Target,
  prefix: readonly EvidenceLink[],
): Finding[] {
  const x = snap.exposure.of(t.node);
  if (x.listings.length === 0) return [];
  const policy = snap.policy;
  const byList = new Map<string, StoredMembership[]>();
  for (const m of x.listings) byList.set(m.list, [...(byList.get(m.list) ?? []), m]);
  const out: Finding[] = [];
  for (const [list, ms] of byList) {
    const rule = policy.lists[list] ?? (policy.lists.default as NonNullable<(typeof policy.lists)[string]>);
    const effective = earliest(ms.map((m) => m.effectiveDate));
    const before = predates(item, effective);
    const down = policy.findings.listed.beforeEffective;
    const programs = [...new Set(ms.map((m) => m.program).filter((p): p is string => Boolean(p)))].sort();
    const what = `${listTitle(policy, list)}${programs.length > 0 ? ` ${programs.join(', ')}` : ''}`;
    out.push(
      makeFinding({
        type: 'listed',
        severity: before ? down.severity : rule.severity,
        score: rule.weight * (t.match?.score ?? 1) * (before ? down.factor : 1),
        subject: subjectOf(pc, t),
        subjectKey: pc.view.subjectKey,
        summary: `${pc.role} ${t.via === 'match' ? `${matchPhrase(t)}, ` : ''}listed on the ${what}${
          effective ? ` (effective ${effective})` : ''
        }${before ? `; ${item.label} arrived ${item.date} before the listing took effect` : ''}`,
        facts: { entity: t.entityId, list, programs: programs.join(',') || null },
        evidence: [...prefix, ...ms.map((m) => membershipLink(snap.graph, t.node, m, policy))],
      }),
    );
  }
  return out;
}

function ownedFinding(
  snap: Snapshot,
  item: ItemContext,
  pc: PartyContext,
  t: Target,
  prefix: readonly EvidenceLink[],
): Finding | null {
  const x = snap.exposure.of(t.node);
  if (!x.blocked && !x.owned) return null;
  const g = snap.graph;
  const policy = snap.policy;
  const rule = policy.findings.owned_by_listed;
  const evidence: EvidenceLink[] = [...prefix];
  const ownerIds = new Set<string>();
  /** Owners that count because they are XPCC units, not because they are listed. */
  const unitIds = new Set<string>();
  const dates: (string | null)[] = [];
  if (x.blocked) {
    const tree = snap.exposure.blockingTree(t.node);
    for (const e of tree.edges) evidence.push(...ownershipLinks(g, e));
    for (const { node, membership } of tree.seeds) {
      evidence.push(membershipLink(g, node, membership, policy));
      dates.push(membership.effectiveDate);
      ownerIds.add(g.nodeId(node));
    }
  }
  if (x.owned) {
    for (const o of x.owned.owners) {
      for (const e of o.path) evidence.push(...ownershipLinks(g, e));
      for (const m of o.listings) {
        evidence.push(membershipLink(g, o.node, m, policy));
        dates.push(m.effectiveDate);
      }
      for (const f of o.xpccUnit) evidence.push(xinjiangLink(f));
      if (o.xpccUnit.length > 0) unitIds.add(g.nodeId(o.node));
      ownerIds.add(g.nodeId(o.node));
    }
  }
  const pct = x.owned?.totalPct ?? x.blocked?.aggregatePct ?? 0;
  const strongest = x.blocked !== null || pct >= rule.highPct - 1e-9;
  // Below the thresholds on known shares, but a listed owner's chain has an unstated share.
  const unknownOnly = !strongest && x.owned?.hasUnknown === true && pct < rule.reportPct - 1e-9;
  const effective = earliest(dates);
  const before = predates(item, effective);
  const down = policy.findings.listed.beforeEffective;
  let severity: Severity = strongest ? 'high' : unknownOnly ? rule.unknownShare.severity : 'medium';
  if (before) severity = down.severity;
  const owners = [...ownerIds].sort();
  const nameOf = (id: string) => g.nodeName(g.nodeOf(id) ?? -1) || id;
  const ownerNames = owners.filter((id) => !unitIds.has(id)).map(nameOf);
  const parts: string[] = [];
  if (x.blocked)
    parts.push(`blocked under the OFAC 50% rule (${fmtPct(x.blocked.aggregatePct)} held by blocked owners)`);
  if (x.owned) {
    // Listed owners (blocking seeds included), then XPCC units.
    const who = ownersPhrase(ownerNames, [...unitIds].sort().map(nameOf));
    parts.push(
      x.owned.totalPct > 0 ? `${fmtPct(x.owned.totalPct)} effectively owned by ${who}` : `owned by ${who}`,
    );
    if (x.owned.hasUnknown)
      parts.push('through a chain with a share the sources do not state (unknown, not 0% or 100%)');
  }
  return makeFinding({
    type: 'owned_by_listed',
    severity,
    // Blocked or at/over highPct counts in full; below it, half the share of highPct (41.3% of
    // 50% → 0.41), so a minority stake stays medium unless other findings add up.
    score:
      rule.weight *
      (strongest
        ? 1
        : Math.max((0.5 * pct) / rule.highPct, x.owned?.hasUnknown ? rule.unknownShare.factor : 0)) *
      (t.match?.score ?? 1) *
      (before ? down.factor : 1),
    subject: subjectOf(pc, t),
    subjectKey: pc.view.subjectKey,
    summary: `${pc.role} ${t.via === 'match' ? `(${matchPhrase(t)}) ` : ''}${parts.join('; ')}${
      before ? `; ${item.label} arrived ${item.date} before the listing took effect` : ''
    }`,
    facts: {
      entity: t.entityId,
      blocked: x.blocked !== null,
      owners: owners.join(','),
      ...(unitIds.size > 0 ? { xpccUnitOwner: true } : {}),
      ...(x.owned?.hasUnknown ? { unknownShare: true } : {}),
    },
    evidence: dedupeLinks(evidence),
  });
}

function xinjiangFinding(snap: Snapshot, item: ItemContext, pc: PartyContext): Finding | null {
  const policy = snap.policy;
  const rule = policy.findings.xinjiang_located;
  const facts: { f: XinjiangFact; t: Target | null }[] = pc.view.textFacts.map((f) => ({
    f: { ...f, provenance: item.provenance },
    t: null,
  }));
  for (const t of pc.view.targets) {
    for (const f of snap.exposure.of(t.node).xinjiang) {
      if (!facts.some((x) => x.f.basis === f.basis && x.f.value === f.value)) facts.push({ f, t });
    }
  }
  if (facts.length === 0) return null;
  const rank = { uscc: 0, 'xpcc-unit': 1, address: 2, name: 3 } as const;
  facts.sort((a, b) => rank[a.f.basis] - rank[b.f.basis] || b.f.confidence - a.f.confidence);
  const best = facts[0] as { f: XinjiangFact; t: Target | null };
  const nameOnly = facts.every((x) => x.f.basis === 'name');
  const before = predates(item, policy.legal.uflpaEffective);
  let severity: Severity = 'high';
  let factor = 1;
  if (nameOnly) {
    severity = rule.nameOnly.severity;
    factor *= rule.nameOnly.factor;
  }
  if (before) {
    severity = rule.beforeEffective.severity;
    factor *= rule.beforeEffective.factor;
  }
  const xpcc = facts.some((x) => x.f.xpcc);
  const matched = facts.find((x) => x.t?.via === 'match')?.t ?? null;
  const evidence: EvidenceLink[] = [pc.link];
  for (const t of pc.view.targets) {
    if (t.via === 'match' && t.match && facts.some((x) => x.t === t))
      evidence.push(matchLink(pc.party.name, t.name, t.entityId, t.match, item.provenance));
  }
  for (const { f } of facts) evidence.push(xinjiangLink(f));
  return makeFinding({
    type: 'xinjiang_located',
    severity,
    score: rule.weight * best.f.confidence * factor,
    subject: subjectOf(pc, best.t ?? matched),
    subjectKey: pc.view.subjectKey,
    summary: `${pc.role} located in Xinjiang${xpcc ? ' (XPCC)' : ''} by ${best.f.text}${
      before
        ? `; ${item.label} arrived ${item.date}, before the UFLPA took effect (${policy.legal.uflpaEffective})`
        : item.date
          ? `; arrived ${item.date}, after the UFLPA took effect`
          : ''
    }`,
    facts: { basis: best.f.basis, code: best.f.code, xpcc },
    evidence: dedupeLinks(evidence),
  });
}

function earliest(dates: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && (best === null || d.slice(0, 10) < best)) best = d.slice(0, 10);
  return best;
}
