import { describe, expect, it } from 'vitest';
import { provinceByCode, provinceNamed, shortDivisionCode } from './provinces.ts';

describe('provinces', () => {
  it.each([
    ['Xinjiang', '65'],
    ['Sinkiang', '65'],
    ['XUAR', '65'],
    ['Xinjiang Uyghur Autonomous Region', '65'],
    ['新疆维吾尔自治区', '65'],
    ['新疆', '65'],
    ['Guangxi Zhuang Autonomous Region', '45'],
    ['Tibet Autonomous Region', '54'],
    ['Ningxia Hui Autonomous Region', '64'],
    ['Macao SAR', '82'],
    ['  guangdong province ', '44'],
    ['Peking', '11'],
  ])('%s → %s', (name, code) => {
    expect(provinceNamed(name)?.code).toBe(code);
  });

  it('knows no province in other text', () => {
    for (const s of ['', 'Province', 'Atlantis', 'Urumqi', '省']) expect(provinceNamed(s), s).toBeNull();
  });

  it('shortens codes pairwise and only under a known province', () => {
    expect(shortDivisionCode('650000')).toBe('65');
    expect(shortDivisionCode('654000')).toBe('6540');
    expect(shortDivisionCode('650100')).toBe('6501');
    expect(shortDivisionCode('659001')).toBe('659001');
    expect(shortDivisionCode('6501')).toBe('6501');
    for (const s of ['6', '99', '990000', '0000', '65000', 'x65']) expect(shortDivisionCode(s), s).toBeNull();
  });

  it('gives the English name by code', () => {
    expect(provinceByCode('15')?.en).toBe('Inner Mongolia');
    expect(provinceByCode('81')?.country).toBe('HK');
  });
});
