import { describe, expect, it } from 'vitest';
import type { DatasetName } from '../model/index.ts';
import { decide } from './decisions.ts';
import { EvidenceError, type Finding, findingKey, link, makeFinding } from './findings.ts';
import { DEFAULT_POLICY } from './policy/load.ts';
import type { FindingType, Severity } from './policy/schema.ts';
import { assess } from './risk.ts';

const P = { dataset: 'synthetic' as DatasetName, sourceFile: 'x.csv', recordKey: 'r1', line: 3 };

function f(type: FindingType, severity: Severity, score: number, subjectKey = 's'): Finding {
  return makeFinding({
    type,
    severity,
    score,
    subject: { role: 'shipper', name: 'X', entityId: null, country: null },
    subjectKey,
    summary: 'test',
    facts: { n: score },
    evidence: [link('shipment', 'test', P)],
  });
}

describe('risk formula', () => {
  it('is none without findings and combines scores by noisy-OR', () => {
    expect(assess([], DEFAULT_POLICY)).toEqual({ risk: 'none', score: 0 });
    const r = assess(
      [f('upstream_exposure', 'medium', 0.2), f('new_intermediary_after_listing', 'medium', 0.25)],
      DEFAULT_POLICY,
    );
    expect(r.score).toBeCloseTo(1 - 0.8 * 0.75, 6);
    expect(r.risk).toBe('medium');
  });

  it('caps a high-priority sector alone at low', () => {
    const sectors = [f('high_priority_sector', 'low', 0.5), f('high_priority_sector', 'low', 0.5, 't')];
    const r = assess(sectors, DEFAULT_POLICY);
    expect(r.score).toBeCloseTo(0.75, 6);
    expect(r.risk).toBe('low');
  });

  it('makes a high listed / located finding high whatever the score', () => {
    expect(assess([f('listed', 'high', 0.1)], DEFAULT_POLICY).risk).toBe('high');
    expect(assess([f('xinjiang_located', 'high', 0.1)], DEFAULT_POLICY).risk).toBe('high');
    expect(assess([f('xinjiang_located', 'medium', 0.1)], DEFAULT_POLICY).risk).toBe('low');
  });

  it('does not count a dismissed finding', () => {
    const listed = f('listed', 'high', 0.95);
    const dismissed = decide(listed, {
      verdict: 'false-positive',
      who: 'ana',
      at: '2024-01-01T00:00:00Z',
      why: 'homonym',
    });
    expect(dismissed.status).toBe('dismissed');
    expect(assess([dismissed, f('high_priority_sector', 'low', 0.15)], DEFAULT_POLICY)).toEqual({
      risk: 'low',
      score: 0.15,
    });
  });
});

describe('findings', () => {
  it('refuses a finding without evidence, or with a link citing no record', () => {
    const base = {
      type: 'listed' as const,
      severity: 'high' as const,
      score: 1,
      subject: { role: 'shipper' as const, name: 'X', entityId: null, country: null },
      subjectKey: 's',
      summary: '',
      facts: {},
    };
    expect(() => makeFinding({ ...base, evidence: [] })).toThrow(EvidenceError);
    try {
      makeFinding({ ...base, evidence: [link('membership', 'x', { ...P, recordKey: '' })] });
      expect.unreachable();
    } catch (e) {
      expect((e as EvidenceError).code).toBe('finding_without_evidence');
    }
  });

  it('keys hash type, subject and decisive facts only', () => {
    const a = f('listed', 'high', 0.9);
    const b = makeFinding({ ...a, subjectKey: 's', summary: 'other words', score: 0.3, facts: a.facts });
    expect(b.key).toBe(a.key);
    expect(a.key).toMatch(/^listed:[0-9a-f]{16}$/);
    expect(findingKey('listed', 's', { list: 'uflpa' })).not.toBe(
      findingKey('listed', 's', { list: 'ofac-sdn' }),
    );
    expect(findingKey('listed', 's', { list: 'uflpa' })).not.toBe(
      findingKey('listed', 't', { list: 'uflpa' }),
    );
    expect(findingKey('listed', 's', { a: 1, b: 2 })).toBe(findingKey('listed', 's', { b: 2, a: 1 }));
  });
});
