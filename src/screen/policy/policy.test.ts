import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, parsePolicy, parsePolicyText, policyHash } from './load.ts';

describe('policy', () => {
  it('ships a valid default that follows UFLPA and OFAC practice', () => {
    expect(DEFAULT_POLICY.legal.uflpaEffective).toBe('2022-06-21');
    expect(DEFAULT_POLICY.legal.ofacThresholdPct).toBe(50);
    expect(DEFAULT_POLICY.legal.ofacSeedLists).toContain('ofac-sdn');
    expect(DEFAULT_POLICY.lists.default).toBeDefined();
    expect(DEFAULT_POLICY.risk.capAlone.types).toEqual(['high_priority_sector']);
    expect(DEFAULT_POLICY.risk.capAlone.level).toBe('low');
    expect(DEFAULT_POLICY.risk.highFloor).toEqual(
      expect.arrayContaining(['listed', 'owned_by_listed', 'xinjiang_located']),
    );
  });

  it('merges a partial file onto the default', () => {
    const r = parsePolicyText(
      'findings:\n  upstream_exposure:\n    tiers: 3\nlists:\n  csl: { severity: low, weight: 0.2 }\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.findings.upstream_exposure.tiers).toBe(3);
    expect(r.policy.findings.upstream_exposure.weight).toBe(DEFAULT_POLICY.findings.upstream_exposure.weight);
    expect(r.policy.lists.csl).toEqual({
      title: 'Consolidated Screening List',
      severity: 'low',
      weight: 0.2,
    });
    expect(r.policy.lists.uflpa).toEqual(DEFAULT_POLICY.lists.uflpa);
    expect(r.hash).not.toBe(policyHash(DEFAULT_POLICY));
  });

  it('reads JSON as well as YAML', () => {
    const r = parsePolicyText('{"matching": {"threshold": 0.9}}');
    expect(r.ok && r.policy.matching.threshold).toBe(0.9);
  });

  it('names the field of every error', () => {
    const r = parsePolicy({
      legal: { uflpaEffective: '21 June 2022' },
      findings: { listed: { weight: 2 }, owned_by_listed: { reportPct: 60, highPct: 50 } },
      risk: { thresholds: { medium: 0.9, high: 0.5 } },
      unknownSection: 1,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toContain('legal.uflpaEffective');
    expect(paths).toContain('findings.listed');
    expect(paths).toContain('risk.thresholds');
    expect(paths).toContain('(root)');
    expect(r.issues.find((i) => i.path === 'legal.uflpaEffective')?.message).toMatch(/YYYY-MM-DD/);
  });

  it('rejects a mis-typed list rule and a YAML syntax error with a message', () => {
    const bad = parsePolicy({ lists: { uflpa: { severity: 'severe', weight: 1 } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]?.path).toBe('lists.uflpa.severity');
    const syntax = parsePolicyText('findings: [unclosed');
    expect(syntax.ok).toBe(false);
  });

  it('hashes equal policies equally, whatever the key order', () => {
    const a = parsePolicy({ matching: { threshold: 0.9, candidates: 2 } });
    const b = parsePolicy({ matching: { candidates: 2, threshold: 0.9 } });
    expect(a.ok && b.ok && a.hash === b.hash).toBe(true);
  });
});
