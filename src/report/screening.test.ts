import { describe, expect, it } from 'vitest';
import { BILL, newsCases } from '../screen/fixtures/news-cases.ts';
import { decide, Snapshot, screenShard, snapshotFromFacts } from '../screen/index.ts';
import { CSV_HEADERS, csvLine, resultCsvRows, resultRecord } from './screening-records.ts';
import { renderResult } from './screening-text.ts';

const input = newsCases();
const snap = Snapshot.fromData(snapshotFromFacts(input, { asOf: '2024-06-01' }));
const results = screenShard(snap, input.shipments ?? []);
const get = (id: string) => {
  const r = results.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};

describe('renderResult', () => {
  it('shows the headline, each finding with its key and the evidence chain with citations', () => {
    const text = renderResult(get(BILL.tomatoToUs));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^HIGH 0\.\d\d {2}bill ILL-TOMATO-US-1 \(2022-09-15\) {2}GRAND STAR LLC → /);
    expect(text).toMatch(
      /1\. third_country_routing {2}high 0\.\d\d {2}key third_country_routing:[0-9a-f]{16}/,
    );
    expect(text).toContain('ofac-sdn · sdn.csv · 29299');
    expect(text).toContain('holds 41.3% of');
  });

  it('shows a dismissed finding with who, when and why, and strips control characters from data', () => {
    const r = get(BILL.shihezi);
    const f = r.findings[0];
    if (!f) throw new Error('fixture');
    const dismissed = decide(f, {
      verdict: 'false-positive',
      who: 'ana\u001b[31m',
      at: '2024-06-02',
      why: 'homonym',
    });
    const text = renderResult({ ...r, findings: [dismissed] });
    expect(text).toContain('[DISMISSED]');
    expect(text).toContain('dismissed as a false positive by ana�[31m on 2024-06-02: "homonym"');
    expect(text).not.toContain('\u001b');
    expect(renderResult(get(BILL.restaurant))).toContain('no findings');
  });
});

describe('records', () => {
  it('the JSON record has the documented shape', () => {
    const rec = resultRecord(get(BILL.shihezi));
    expect(Object.keys(rec)).toEqual([
      'shipment_id',
      'dataset',
      'date',
      'label',
      'risk',
      'score',
      'findings',
    ]);
    const f = (rec.findings as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(Object.keys(f)).toEqual([
      'key',
      'type',
      'severity',
      'score',
      'status',
      'subject',
      'summary',
      'evidence',
    ]);
  });

  it('CSV rows line up with the headers; formula-like cells are neutralised', () => {
    for (const r of results) for (const row of resultCsvRows(r)) expect(row).toHaveLength(CSV_HEADERS.length);
    expect(csvLine(['=HYPERLINK("x")', 'a,b', 'plain'])).toBe(`"'=HYPERLINK(""x"")","a,b",plain`);
    expect(csvLine(['-1', '@cmd'])).toBe("'-1,'@cmd");
  });
});
