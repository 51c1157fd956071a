import { describe, expect, it } from 'vitest';
import type { TradeStatFact } from '../../model/index.ts';
import { aggregateFlows } from './cube.ts';
import { monthsFrom, seededRandom, stat } from './fixtures/synthetic.ts';
import { buildSeries, seriesOf } from './series.ts';
import { surgesOf } from './surges.ts';

// Calendar pattern with a strong autumn peak (Christmas goods), 1 = average month.
const SEASON = [0.6, 0.5, 0.8, 0.9, 1.0, 1.0, 1.1, 1.3, 2.2, 2.6, 1.6, 0.9];

/** A seasonal, growing (+8%/year), noisy (±10%) monthly series of one partner. */
function seasonal(partner: string, first: string, count: number, seed: number, level = 5e6): TradeStatFact[] {
  const rnd = seededRandom(seed);
  return monthsFrom(first, count).map((month, i) => {
    const m = Number(month.slice(5, 7)) - 1;
    const v = level * 1.08 ** (i / 12) * (SEASON[m] ?? 1) * (0.9 + 0.2 * rnd());
    return stat(partner, month, 'TOTAL', Math.round(v));
  });
}

describe('surge detection on constructed series', () => {
  it('does not flag a strongly seasonal, noisy, growing series', async () => {
    const rows = await buildSeries(seasonal('DE', '2017-01', 72, 7), { origin: '65', partner: 'DE' });
    expect(rows).toHaveLength(72);
    // The peaks are real: October is about 4-5 times February…
    const oct = rows.find((r) => r.month === '2021-10')?.value_usd ?? 0;
    const feb = rows.find((r) => r.month === '2021-02')?.value_usd ?? 1;
    expect(oct / feb).toBeGreaterThan(3.5);
    // …but recur every year, so nothing is a surge.
    expect(rows.filter((r) => r.surge).map((r) => [r.month, r.reasons])).toEqual([]);
  });

  it('flags a one-off spike in that month only, with its numbers', async () => {
    const stats = seasonal('DE', '2017-01', 72, 11).map((s) =>
      s.month === '2021-05' ? { ...s, valueUsd: (s.valueUsd ?? 0) * 3 } : s,
    );
    const rows = await buildSeries(stats, { origin: '65', partner: 'DE' });
    const flagged = rows.filter((r) => r.surge);
    expect(flagged.map((r) => r.month)).toEqual(['2021-05']);
    const flag = flagged[0]?.flags[0];
    expect(flag?.kind).toBe('surge');
    expect(flag?.ratio).toBeGreaterThan(2.5);
    expect(flag?.z).toBeGreaterThan(3.5);
    expect(flag?.reason).toMatch(
      /^surge: US\$\d+\.\dM vs US\$\d+\.\dM expected \(×\d\.\d, robust z \d+\.\d\)/,
    );
    expect(flag?.reason).toContain('same month in 3 earlier years');
    // no legal event governs trade with Germany
    expect(flag?.legal).toEqual([]);
  });

  it('flags a step after the UFLPA and says so, and nothing before it', async () => {
    const rnd = seededRandom(3);
    const stats = monthsFrom('2019-01', 54).map((month) =>
      stat('US', month, 'TOTAL', (month >= '2022-07' ? 15e6 : 5e6) * (0.9 + 0.2 * rnd())),
    );
    const rows = await buildSeries(stats, { origin: 'Xinjiang', partner: 'US' });
    const flagged = rows.filter((r) => r.surge).map((r) => r.month);
    expect(flagged[0]).toBe('2022-07');
    expect(flagged.every((m) => m >= '2022-07')).toBe(true);
    const jul = rows.find((r) => r.month === '2022-07');
    expect(jul?.reasons[0]).toContain('1 month after the UFLPA took effect (2022-06-21)');
    expect(jul?.flags[0]?.legal.map((l) => l.id)).toEqual(['uflpa']);
    // Once the new level is the trend, the step stops being news.
    expect(rows.find((r) => r.month === '2023-06')?.surge).toBe(false);
  });

  it('does not cite a US law for a step in trade with another partner', async () => {
    const rnd = seededRandom(4);
    const stats = monthsFrom('2019-01', 48).map((month) =>
      stat('DE', month, 'TOTAL', (month >= '2022-07' ? 15e6 : 5e6) * (0.9 + 0.2 * rnd())),
    );
    const rows = await buildSeries(stats, { origin: '65', partner: 'DE' });
    const jul = rows.find((r) => r.month === '2022-07');
    expect(jul?.surge).toBe(true);
    expect(jul?.reasons.join(' ')).not.toMatch(/UFLPA/);
  });
});

describe('missing months', () => {
  // The region reports nothing in 2021-03 and 2021-04 (a gap); the US has no row in 2021-06
  // although the region reported that month (no trade: zero).
  const months = monthsFrom('2020-01', 24).filter((m) => m !== '2021-03' && m !== '2021-04');
  const stats = months.flatMap((m) => [
    stat('KZ', m, 'TOTAL', 9e6),
    ...(m === '2021-06' ? [] : [stat('US', m, 'TOTAL', 2e6)]),
  ]);

  it('makes a gap null and a month without trade zero, never skipping a month', async () => {
    const rows = await buildSeries(stats, { origin: '65', partner: 'US' });
    expect(rows.map((r) => r.month)).toEqual(monthsFrom('2020-01', 24));
    const at = (m: string) => rows.find((r) => r.month === m);
    expect(at('2021-03')?.value_usd).toBeNull();
    expect(at('2021-04')?.value_usd).toBeNull();
    expect(at('2021-05')?.mom_pct).toBeNull();
    expect(at('2021-06')?.value_usd).toBe(0);
    expect(at('2021-06')?.partner_rank).toBeNull();
    expect(at('2021-07')?.mom_pct).toBeNull(); // from zero: undefined, not infinite
    expect(at('2021-02')?.yoy_pct).toBe(0);
    expect(at('2021-02')?.partner_rank).toBe(2);
    expect(at('2021-02')?.share_pct).toBe(18.2);
    expect(rows.some((r) => r.surge)).toBe(false);
  });

  it('returns rows for requested months outside the data as null', async () => {
    const rows = await buildSeries(stats, { origin: '65', partner: 'US', from: '2019-11', to: '2020-02' });
    expect(rows.map((r) => [r.month, r.value_usd])).toEqual([
      ['2019-11', null],
      ['2019-12', null],
      ['2020-01', 2e6],
      ['2020-02', 2e6],
    ]);
  });
});

describe('ranks', () => {
  it('flags a partner jumping into the top ranks (12th → 5th)', async () => {
    const others = ['KZ', 'KG', 'TJ', 'RU', 'UZ', 'PK', 'MN', 'IN', 'TR', 'AE', 'DE', 'GB', 'NL', 'IR'];
    const months = monthsFrom('2020-01', 30);
    const stats = months.flatMap((m) => [
      ...others.map((p, i) => stat(p, m, 'TOTAL', (100 - i * 5) * 1e6)),
      // MX sits between DE (11th) and GB: 12th, then jumps above UZ: 5th.
      stat('MX', m, 'TOTAL', m === '2022-06' ? 82e6 : 46e6),
    ]);
    const cube = await aggregateFlows(stats, { origin: '65' });
    const rows = seriesOf(cube, { partner: 'MX', from: '2022-04' });
    expect(rows.map((r) => r.partner_rank)).toEqual([12, 12, 5]);
    const jun = rows[2];
    const jump = jun?.flags.find((f) => f.kind === 'rank-jump');
    expect(jump).toMatchObject({ rank: 5, previous_rank: 12 });
    expect(jump?.reason).toMatch(/^MX rose from Xinjiang's 12th to 5th largest partner \(of 15\)/);
    expect(rows[1]?.flags.some((f) => f.kind === 'rank-jump')).toBe(false);
    // The same jump shows in the region-wide scan.
    expect(surgesOf(cube, { products: 'none' }).filter((f) => f.kind === 'rank-jump')).toHaveLength(1);
  });
});

describe('by sector', () => {
  const months = monthsFrom('2021-01', 20);
  const stats = months.flatMap((m) => [
    stat('US', m, 'TOTAL', 10e6),
    stat('US', m, '9503', 3e6),
    ...(m >= '2022-06' ? [stat('US', m, '611595', 2.5e6)] : []),
  ]);

  it('gives each sector its share of the month and flags a sector appearing from nothing', async () => {
    const rows = await buildSeries(stats, {
      origin: '65',
      partner: 'US',
      by: 'sector',
      from: '2022-05',
      to: '2022-06',
    });
    expect(rows.map((r) => [r.month, r.sector, r.value_usd, r.share_pct])).toEqual([
      ['2022-05', 'apparel', 0, 0],
      ['2022-05', 'other', 3e6, 30],
      ['2022-05', 'unspecified', 7e6, 70],
      ['2022-06', 'apparel', 2.5e6, 25],
      ['2022-06', 'other', 3e6, 30],
      ['2022-06', 'unspecified', 4.5e6, 45],
    ]);
    const apparel = rows[3];
    const appeared = apparel?.flags.find((f) => f.kind === 'new-product');
    expect(appeared?.reason).toMatch(/^Apparel appears from nothing: US\$2\.5M after 12 months without any/);
    expect(appeared?.reason).toContain('the UFLPA took effect');
    // The itemisation shift is not news for the remainder.
    expect(rows[5]?.flags.some((f) => f.kind === 'new-product')).toBe(false);
  });

  it('groups by HS chapter', async () => {
    const rows = await buildSeries(stats, {
      origin: '65',
      partner: 'US',
      by: 'chapter',
      from: '2022-06',
      to: '2022-06',
    });
    expect(rows.map((r) => [r.sector, r.value_usd])).toEqual([
      ['61', 2.5e6],
      ['95', 3e6],
      ['unspecified', 4.5e6],
    ]);
  });
});
