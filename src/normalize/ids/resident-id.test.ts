import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findResidentIds, makeResidentId, parseResidentId } from './resident-id.ts';

// Quoted in OFAC SDN remarks ("National ID No. 653225197110100533 (China)") and in
// ../shared/docs/domain.md section 4.
const OFAC_ID = '653225197110100533';

describe('parseResidentId', () => {
  it('validates and decodes the OFAC-listed number 653225197110100533', () => {
    const r = parseResidentId(OFAC_ID);
    expect(r.valid).toBe(true);
    expect(r.birthDate).toBe('1971-10-10');
    expect(r.sex).toBe('male');
    expect(r.xinjiang).toBe(true);
    expect(r.region?.prefecture).toMatchObject({ code: '6532', zh: '和田地区', en: 'Hotan' });
    expect(r.region?.county).toMatchObject({ code: '653225', zh: '策勒县', en: 'Qira' });
  });

  it('rejects a corrupted digit at every position', () => {
    for (let i = 0; i < 17; i++) {
      const d = (Number(OFAC_ID.charAt(i)) + 3) % 10;
      const bad = OFAC_ID.slice(0, i) + d + OFAC_ID.slice(i + 1);
      expect(parseResidentId(bad).valid, bad).toBe(false);
    }
  });

  it('computes X check characters and reads the sex from the sequence', () => {
    const ids = Array.from({ length: 40 }, (_, i) => makeResidentId('659001', '19900215', String(100 + i)));
    const withX = ids.find((id) => id.endsWith('X'));
    expect(withX).toBeDefined();
    expect(parseResidentId((withX ?? '').toLowerCase()).valid).toBe(true);
    expect(parseResidentId(makeResidentId('659001', '19900215', '102')).sex).toBe('female');
    expect(parseResidentId(makeResidentId('659001', '19900215', '102')).region?.xpcc).toBe(true);
  });

  it('rejects impossible birth dates and malformed numbers', () => {
    expect(parseResidentId(makeResidentId('653101', '19900230', '123')).errors).toContain(
      'positions 7-14 are not a real date of birth',
    );
    expect(parseResidentId('65322519711010053').valid).toBe(false);
    expect(parseResidentId('E12345678').valid).toBe(false);
  });

  it('reads the legacy 15-digit form with a warning', () => {
    const r = parseResidentId('653225711010053');
    expect(r.valid).toBe(true);
    expect(r.format).toBe('legacy15');
    expect(r.birthDate).toBe('1971-10-10');
    expect(r.warnings[0]).toMatch(/legacy/);
  });

  it('finds identity numbers in OFAC-style remarks', () => {
    expect(findResidentIds(`DOB 10 Oct 1971; National ID No. ${OFAC_ID} (China); Gender Male`)).toEqual([
      OFAC_ID,
    ]);
    expect(findResidentIds(`ref 9${OFAC_ID}`)).toEqual([]);
  });
});

const OFAC = new URL('../../../../shared/data/ofac-sdn-2024-05-03.csv', import.meta.url);
// The OFAC SDN snapshot lives beside the repo (never copied in); a fresh clone has no such folder.
describe.skipIf(!existsSync(OFAC))('real identity numbers in the OFAC SDN list', () => {
  it('every "National ID No. … (China)" validates and decodes to a known province', () => {
    const text = readFileSync(OFAC, 'utf8');
    const ids = [
      ...new Set([...text.matchAll(/National ID No\. (\d{17}[\dX])\s*\(China\)/g)].map((m) => m[1] ?? '')),
    ];
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) {
      const r = parseResidentId(id);
      expect(r.valid, id).toBe(true);
      expect(r.region?.province, id).not.toBeNull();
    }
  });
});
