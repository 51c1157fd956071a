import { describe, expect, it } from 'vitest';
import { aggregateFlows } from './cube.ts';
import { ILLUSTRATIVE, PUBLISHED, xinjiangFixture } from './fixtures/xinjiang-2022.ts';
import { seriesOf } from './series.ts';
import { surgesOf } from './surges.ts';

// Reproduces the published August 2022 figures (SCMP, "Jump in Xinjiang exports to US raises
// eyebrows", 2022) from a fixture of the published numbers plus marked illustrative filler.
describe('Xinjiang exports to the US, August 2022', async () => {
  const cube = await aggregateFlows(xinjiangFixture(), { origin: '65' });
  const rows = seriesOf(cube, { partner: 'US', from: '2022-06', to: '2022-08' });
  const [jun, jul, aug] = rows;

  it('has the published value and year-on-year change', () => {
    expect(aug?.month).toBe('2022-08');
    expect(aug?.value_usd).toBe(PUBLISHED.usAug2022);
    expect(aug?.yoy_pct).toBeCloseTo(592.8, 1);
  });

  it('is more than double July and almost seven times June', () => {
    expect(aug?.mom_pct).toBeGreaterThan(100);
    const timesJune = (aug?.value_usd ?? 0) / (jun?.value_usd ?? 1);
    expect(timesJune).toBeGreaterThan(6.5);
    expect(timesJune).toBeLessThan(7);
  });

  it('lifts the US from 12th to 5th, behind three Central Asian neighbours and Russia', () => {
    expect(jul?.partner_rank).toBe(12);
    expect(aug?.partner_rank).toBe(5);
    const m = 2022 * 12 + 7 - cube.first;
    const ahead = cube.partners.filter(
      (p) => (cube.ranks.get(p)?.[m] ?? 0) < 5 && (cube.ranks.get(p)?.[m] ?? 0) > 0,
    );
    expect(ahead.sort()).toEqual([...ILLUSTRATIVE.aheadAug2022].sort());
  });

  it('flags August 2022 as a surge after the UFLPA, and the jump in rank', () => {
    expect(aug?.surge).toBe(true);
    const surge = aug?.flags.find((f) => f.kind === 'surge');
    expect(surge?.reason).toMatch(/UFLPA/);
    expect(surge?.legal[0]).toMatchObject({ id: 'uflpa', months_after: 2 });
    const jump = aug?.flags.find((f) => f.kind === 'rank-jump');
    expect(jump?.reason).toMatch(/rose from Xinjiang's 12th to 5th largest partner/);
    expect(jump?.reason).toMatch(/UFLPA/);
  });

  it('shows apparel above US$9 million, flagged too, and counts no good twice', () => {
    const sectors = seriesOf(cube, { partner: 'US', by: 'sector', from: '2022-08', to: '2022-08' });
    const apparel = sectors.find((r) => r.sector === 'apparel');
    expect(apparel?.value_usd).toBeGreaterThan(PUBLISHED.apparelAbove);
    expect(apparel?.surge).toBe(true);
    const sum = sectors.reduce((s, r) => s + (r.value_usd ?? 0), 0);
    expect(sum).toBeCloseTo(PUBLISHED.usAug2022, 0);
    const chapters = seriesOf(cube, { partner: 'US', by: 'chapter', from: '2022-08', to: '2022-08' });
    expect(chapters.find((r) => r.sector === '95')?.value_usd).toBe(
      PUBLISHED.christmasGoodsAug2022 + PUBLISHED.toysAug2022,
    );
  });

  it('finds the same month in a region-wide scan', () => {
    const flags = surgesOf(cube, { from: '2022-08', to: '2022-08' });
    expect(flags.some((f) => f.partner === 'US' && f.product == null && f.kind === 'surge')).toBe(true);
    expect(flags.some((f) => f.partner === 'KZ')).toBe(false);
  });
});
