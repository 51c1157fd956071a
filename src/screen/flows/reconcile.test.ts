import { describe, expect, it } from 'vitest';
import { aggregateFlows } from './cube.ts';
import { stat } from './fixtures/synthetic.ts';
import { reconcileCodes } from './reconcile.ts';

describe('reconcileCodes', () => {
  it('keeps what finer rows do not explain with the coarser code', () => {
    const r = reconcileCodes([
      { code: '61', value: 100 },
      { code: '610910', value: 30 },
      { code: '611595', value: 20 },
    ]);
    expect(r.residuals).toEqual([50, 30, 20]);
    expect(r.total).toBe(100);
    expect(r.inconsistent).toBe(false);
  });

  it('reconciles three levels and unrelated codes', () => {
    const r = reconcileCodes([
      { code: '6109', value: 40 },
      { code: '61', value: 100 },
      { code: '610910', value: 25 },
      { code: '9503', value: 7 },
    ]);
    // 6109 keeps 15 (40 − 25); 61 keeps 60 (100 − 40); 9503 stands alone.
    expect(r.residuals).toEqual([15, 60, 25, 7]);
    expect(r.total).toBe(107);
  });

  it('lets finer rows win when they add up to more than their parent, and says so', () => {
    const r = reconcileCodes([
      { code: '52', value: 10 },
      { code: '5201', value: 8 },
      { code: '5205', value: 9 },
    ]);
    expect(r.residuals).toEqual([0, 8, 9]);
    expect(r.total).toBe(17);
    expect(r.inconsistent).toBe(true);
  });

  it('does not treat a sibling with a shared prefix as a parent', () => {
    const r = reconcileCodes([
      { code: '6109', value: 5 },
      { code: '6110', value: 6 },
    ]);
    expect(r.residuals).toEqual([5, 6]);
  });
});

describe('aggregateFlows: counting each good once', () => {
  it('takes the TOTAL row for the total and puts the unitemised rest in unspecified', async () => {
    const cube = await aggregateFlows(
      [
        stat('US', '2022-08', 'TOTAL', 1000),
        stat('US', '2022-08', '611595', 300),
        stat('US', '2022-08', '9503', 100),
      ],
      { origin: '65' },
    );
    expect(cube.totals.get('US')?.[0]).toBe(1000);
    const sectors = cube.groups.sector.get('US');
    expect(sectors?.get('apparel')?.[0]).toBe(300);
    expect(sectors?.get('other')?.[0]).toBe(100);
    expect(sectors?.get('unspecified')?.[0]).toBe(600);
    expect(cube.groups.chapter.get('US')?.get('95')?.[0]).toBe(100);
  });

  it('sums HS rows without a TOTAL row, reconciling a chapter row with its subheadings', async () => {
    const cube = await aggregateFlows(
      [
        stat('US', '2022-08', '61', 500),
        stat('US', '2022-08', '611595', 300),
        stat('US', '2022-08', '520100', 50),
        // the same goods at another level in another cell must not matter here
        stat('KZ', '2022-08', '6115', 10),
      ],
      { origin: '65' },
    );
    expect(cube.totals.get('US')?.[0]).toBe(550);
    expect(cube.groups.sector.get('US')?.get('apparel')?.[0]).toBe(500);
    expect(cube.groups.sector.get('US')?.get('cotton')?.[0]).toBe(50);
    expect(cube.groups.sector.get('US')?.has('unspecified')).toBe(false);
    expect(cube.diagnostics.overlappingCells).toBe(1);
    expect(cube.totals.get('KZ')?.[0]).toBe(10);
  });

  it('skips other regions, the other flow, rows without value and malformed rows, and counts them', async () => {
    const cube = await aggregateFlows(
      [
        stat('US', '2022-08', 'TOTAL', 10),
        stat('US', '2022-08', 'TOTAL', 20, { reporterRegion: '44' }),
        stat('US', '2022-08', 'TOTAL', 30, { flow: 'import' }),
        stat('US', '2022-08', '6115', null),
        stat('US', '2022-13', 'TOTAL', 5),
        stat('US', '2022-08', '61.15', 5),
        stat('US', '2022-08', 'TOTAL', 12),
      ],
      { origin: '650000' },
    );
    expect(cube.totals.get('US')?.[0]).toBe(12);
    expect(cube.diagnostics).toMatchObject({
      rowsRead: 7,
      rowsUsed: 2,
      rowsOtherScope: 2,
      rowsWithoutValue: 1,
      rowsInvalid: 2,
      duplicates: 1,
    });
  });
});
