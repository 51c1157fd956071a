import { describe, expect, it } from 'vitest';
import { datasetName, provenance, type RecordBundle } from '../../model/index.ts';
import { openStore } from '../../store/index.ts';
import { stat } from './fixtures/synthetic.ts';
import { PUBLISHED, xinjiangFixture } from './fixtures/xinjiang-2022.ts';
import { buildSeries } from './series.ts';
import { detectSurges } from './surges.ts';

// The module reads what the store gives back: write the fixture through an import session and
// analyse `iterateTradeStats`, as the CLI does.
describe('flows over the store', () => {
  it('reproduces the August 2022 figures from stored statistics', async () => {
    const store = await openStore(':memory:');
    try {
      const dataset = datasetName('flows-fixture');
      await store.upsertDataset({
        name: dataset,
        title: 'Xinjiang exports (published figures + illustrative filler)',
        publisher: null,
        url: null,
        licence: null,
        publishedAt: null,
        version: null,
      });
      const session = await store.beginImport({ dataset, format: 'test', files: ['xinjiang-2022.ts'] });
      const bundles: RecordBundle[] = [
        ...xinjiangFixture(),
        stat('US', '2022-08', 'TOTAL', 1e9, { reporterRegion: '44' }),
      ].map((fact, i) => ({
        provenance: provenance({
          dataset,
          sourceFile: 'xinjiang-2022.ts',
          recordKey: `row-${i}`,
          line: i + 1,
        }),
        tradeStats: [fact],
      }));
      await session.write(bundles);
      await session.finish({ complete: true });

      const rows = await buildSeries(store.iterateTradeStats({ reporterRegion: '65' }), {
        origin: 'Xinjiang',
        partner: 'US',
        from: '2022-07',
      });
      expect(rows.map((r) => [r.month, r.value_usd, r.partner_rank])).toEqual([
        ['2022-07', 26_900_000, 12],
        ['2022-08', PUBLISHED.usAug2022, 5],
      ]);
      expect(rows[1]?.yoy_pct).toBeCloseTo(592.8, 1);
      expect(rows[1]?.reasons.some((r) => r.includes('UFLPA'))).toBe(true);

      // Unfiltered input works too: other regions are skipped by the module.
      const flags = await detectSurges(store.iterateTradeStats(), {
        origin: '新疆',
        from: '2022-08',
        to: '2022-08',
      });
      expect(flags.filter((f) => f.partner === 'US' && f.product == null).map((f) => f.kind)).toEqual([
        'surge',
        'rank-jump',
      ]);
    } finally {
      await store.close();
    }
  });
});
