import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.ts';
import { findingJudgement } from './decisions.ts';
import type { ScreenResult } from './findings.ts';
import { BILL, ID, newsCases } from './fixtures/news-cases.ts';
import { recordRun, toStoredFindings } from './monitor.ts';
import { screenShipments } from './run.ts';
import { loadFacts, membership, prov } from './testing.ts';

/** Screening through the store: the main job, decisions that persist, monitoring between runs. */

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:');
  await loadFacts(store, newsCases());
});
afterEach(async () => {
  await store.close();
});

const byId = (rs: ScreenResult[], id: string) => rs.find((r) => r.id === id);

describe('screenShipments over the store', () => {
  it('ranks the news cases first and the controls last', async () => {
    const run = await screenShipments(store, { asOf: '2024-06-01' });
    expect(run.screened).toBe(13);
    expect(run.counts).toEqual({ none: 1, low: 3, medium: 6, high: 3 });
    const top = run.results.slice(0, run.counts.high);
    expect(top.every((r) => r.risk === 'high')).toBe(true);
    expect(top.map((r) => r.id)).toEqual(
      expect.arrayContaining([BILL.tomatoToUs, BILL.garmentsToUs, BILL.shihezi]),
    );
    expect(run.results.at(-1)?.id).toBe(BILL.restaurant);
  });

  it('gives the same results on two worker threads as in this thread', async () => {
    const one = await screenShipments(store, { asOf: '2024-06-01' });
    const two = await screenShipments(store, { asOf: '2024-06-01', workers: 2, batchSize: 3 });
    expect(two.results).toEqual(one.results);
  });

  it('keeps only results at or above --min-risk', async () => {
    const run = await screenShipments(store, { asOf: '2024-06-01', minRisk: 'high' });
    expect(run.results.every((r) => r.risk === 'high')).toBe(true);
    expect(run.results.length).toBe(run.counts.high);
  });
});

describe('analyst decisions', () => {
  it('a false positive is dismissed on re-screening (with who/when/why) and no longer raises risk; the latest decision wins', async () => {
    const first = await screenShipments(store, { asOf: '2024-06-01' });
    const shihezi = byId(first.results, BILL.shihezi);
    const located = shihezi?.findings.find((f) => f.type === 'xinjiang_located');
    if (!located) throw new Error('fixture');
    await store.addJudgement(
      findingJudgement({
        findingKey: located.key,
        verdict: 'false-positive',
        why: 'registered office moved (test)',
        who: 'analyst-a',
        at: '2024-06-02T10:00:00Z',
      }),
    );
    const second = await screenShipments(store, { asOf: '2024-06-01' });
    const after = byId(second.results, BILL.shihezi);
    const dismissed = after?.findings.find((f) => f.key === located.key);
    expect(dismissed?.status).toBe('dismissed');
    expect(dismissed?.decision).toEqual({
      verdict: 'false-positive',
      who: 'analyst-a',
      at: '2024-06-02T10:00:00Z',
      why: 'registered office moved (test)',
    });
    expect(after?.risk).toBe('low'); // only the sector finding still counts
    expect(after?.findings.at(-1)?.key).toBe(located.key); // dismissed findings listed last
    // The key is the party's, not the bill's: the earlier bill of the same shipper is dismissed too.
    expect(
      byId(second.results, BILL.shiheziBefore)?.findings.find((f) => f.key === located.key)?.status,
    ).toBe('dismissed');

    await store.addJudgement(
      findingJudgement({
        findingKey: located.key,
        verdict: 'confirmed',
        why: 'checked registry',
        who: 'analyst-b',
        at: '2024-06-03T09:00:00Z',
      }),
    );
    const third = await screenShipments(store, { asOf: '2024-06-01' });
    const confirmed = byId(third.results, BILL.shihezi)?.findings.find((f) => f.key === located.key);
    expect(confirmed?.status).toBe('confirmed');
    expect(confirmed?.decision?.who).toBe('analyst-b');
    expect(byId(third.results, BILL.shihezi)?.risk).toBe('high');
  });
});

describe('monitoring (--since-last)', () => {
  it('reports findings that appeared after a list re-import', async () => {
    const first = await screenShipments(store, { asOf: '2024-06-01' });
    const r1 = await recordRun(store, {
      kind: 'shipments',
      policyHash: first.policyHash,
      startedAt: first.startedAt,
      findings: toStoredFindings(first.results),
    });
    expect(r1.diff).toBeNull();

    // A new (synthetic) listing of Xinjiang Wanda on the UFLPA Entity List.
    await loadFacts(store, {
      memberships: [
        membership(
          ID.wanda,
          'uflpa',
          { program: '(v)', effectiveDate: '2024-01-15' },
          prov('synthetic-uflpa', 'uflpa-2024.html', 'wanda', 40),
        ),
      ],
    });
    const second = await screenShipments(store, { asOf: '2024-06-01' });
    const r2 = await recordRun(store, {
      kind: 'shipments',
      policyHash: second.policyHash,
      startedAt: second.startedAt,
      findings: toStoredFindings(second.results),
    });
    expect(r2.diff?.previousRun).toBe(r1.runId);
    const appeared = r2.diff?.appeared ?? [];
    expect(
      appeared.some((f) => f.type === 'listed' && f.itemKey === 'illustrative-trade/ILL-TOMATO-RU-W1'),
    ).toBe(true);
    // The routing through Grand Star now rests on a listing too: its key changed.
    expect(
      appeared.some((f) => f.type === 'third_country_routing' && f.itemKey.endsWith(BILL.tomatoToUs)),
    ).toBe(true);
    expect(r2.diff?.disappeared.some((f) => f.type === 'third_country_routing')).toBe(true);

    // Nothing changed: nothing appears or disappears.
    const third = await screenShipments(store, { asOf: '2024-06-01' });
    const r3 = await recordRun(store, {
      kind: 'shipments',
      policyHash: third.policyHash,
      startedAt: third.startedAt,
      findings: toStoredFindings(third.results),
    });
    expect(r3.diff?.appeared).toEqual([]);
    expect(r3.diff?.disappeared).toEqual([]);
  });
});
