import { describe, expect, it } from 'vitest';
import { allPorts, locatePort } from './ports.ts';

describe('locatePort', () => {
  const cases: [string, string, string | null][] = [
    ['YANTIAN,CN', 'CN', 'CNYTN'],
    ['SHEKOU, CHINA', 'CN', 'CNSHK'],
    ['NINGBO-ZHOUSHAN', 'CN', 'CNNGB'],
    ['SHANGHAI ,CHINA (MAINLAND)', 'CN', 'CNSHA'],
    ['XINGANG (TIANJIN)', 'CN', 'CNTXG'],
    ['Qingdao', 'CN', 'CNTAO'],
    ['Hong Kong', 'HK', 'HKHKG'],
    ['HO CHI MINH CITY', 'VN', 'VNSGN'],
    ['CAT LAI', 'VN', 'VNCLI'],
    ['Haiphong', 'VN', 'VNHPH'],
    ['CHATTOGRAM', 'BD', 'BDCGP'],
    ['Mongla', 'BD', 'BDMGL'],
    ['NHAVA SHEVA (JNPT)', 'IN', 'INNSA'],
    ['Mundra', 'IN', 'INMUN'],
    ['Sihanoukville', 'KH', 'KHKOS'],
    ['Phnom Penh', 'KH', 'KHPNH'],
    ['Novorossiysk', 'RU', 'RUNVS'],
    ['ST PETERSBURG', 'RU', 'RULED'],
    ['Vladivostok', 'RU', 'RUVVO'],
    ['Almaty', 'KZ', 'KZALA'],
    ['Dostyk', 'KZ', null],
    ['LONG BEACH, CA', 'US', 'USLGB'],
    ['Los Angeles, California', 'US', 'USLAX'],
    ['NEW YORK/NEWARK AREA, NEWARK, NJ', 'US', 'USNYC'],
    ['Savannah, GA', 'US', 'USSAV'],
    ['Tacoma, Washington', 'US', 'USTIW'],
    ['VNCLI', 'VN', 'VNCLI'],
  ];
  for (const [name, country, locode] of cases) {
    it(name, () => expect(locatePort(name)).toMatchObject({ country, locode }));
  }

  it('returns null for unknown ports and does not match short aliases inside words', () => {
    expect(locatePort('Santa Fe')).toBeNull();
    expect(locatePort('')).toBeNull();
    expect(locatePort('Plaza')).toBeNull();
  });

  it('every LOCODE in the table starts with its country code', () => {
    for (const p of allPorts()) if (p.locode) expect(p.locode.slice(0, 2)).toBe(p.country);
  });
});
