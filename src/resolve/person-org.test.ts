import { describe, expect, it } from 'vitest';
import { compare, DEFAULT_THRESHOLD } from './compare.ts';
import { describeGoldenPairs, type GoldenPair } from './testing.ts';

// Benchmark-style goldens. Real names are public figures and companies (see
// eval/public-names.json for the sources); "Alpha/Alfa Trading", "Grand Star/Start" and the Müller
// rows are synthetic.
const SAME: GoldenPair[] = [
  ['Владимир Путин', 'Vladimir Putin'],
  ['Muhammad ibn Salman', 'Mohammed bin Salman Al Saud'],
  ['محمد بن سلمان', 'Mohammed bin Salman'],
  ['Gazprom', 'ПАО «Газпром»'],
  ['Sberbank of Russia', 'Sberbank'],
  ['Public Joint Stock Company Sberbank of Russia', 'ПАО Сбербанк'],
  ['Gazprom PJSC', 'OAO Gazprom'],
  ['Rosneft Oil Company', 'OJSC Rosneft'],
  ['Bank Melli Iran', 'بانک ملی ایران'],
  ['Alpha Trading LLC', 'ООО «Альфа Трейдинг»'],
  ['Sovcomflot', 'Sovkomflot'],
  ['Islamic Republic of Iran Shipping Lines', 'IRISL'],
  ['Aleksandr Lukashenko', 'Alexander Lukashenko'],
  ['Аляксандр Лукашэнка', 'Alexander Lukashenko'],
  ['Dmitriy Anatolyevich Medvedev', 'Dmitry Medvedev'],
  ['PUTIN, Vladimir Vladimirovich', 'Vladimir Putin'],
  ['V. V. Putin', 'Vladimir Putin'],
  ['Muammar Gaddafi', "Mu'ammar Al-Qadhafi"],
  ['Osama bin Laden', 'Usama bin Ladin'],
  ['Khalifa Hifter', 'Khalifa Haftar'],
  ['Mohammad Javad Zarif', 'Javad Zarif'],
  ['Yevgeniy Prigozhin', 'Evgeny Prigozhin'],
  ['Gerhard Schröder', 'SCHROEDER, Gerhard'],
  ['Κυριάκος Μητσοτάκης', 'Kiriakos Mitsotakis'],
  ['김정은', 'Kim Jong Un'],
  ['Kim Jong-un', 'KIM, Jong Un'],
  ['习近平', 'Xi Jinping'],
  ['Saad Hariri', 'سعد الحريري'],
  ['Michel Aoun', 'ميشال عون'],
  ['Yair Netanyahu', 'יאיר נתניהו'],
];
const DIFFERENT: GoldenPair[] = [
  ['Bank Melli', 'Bank Mellat'],
  ['Bank Melli Iran', 'بانک ملت'],
  ['Alpha Trading LLC', 'Alfa Trading Co'],
  ['Grand Star LLC', 'Grand Start LLC'],
  ['Gazprom', 'Gazprombank'],
  ['Gazprom PJSC', 'Gazprom Neft PJSC'],
  ['Sovcombank', 'Sovcomflot'],
  ['Bank of China', 'China Construction Bank'],
  ['Commercial Bank of Syria', 'Syrian Lebanese Commercial Bank'],
  ['Nord Stream AG', 'Nord Stream 2 AG'],
  ['Vladimir Putin', 'Vladimir Potanin'],
  ['Kim Jong Un', 'Kim Jong Il'],
  ['Arkady Rotenberg', 'Boris Rotenberg'],
  ['Alexei Navalny', 'Yulia Navalnaya'],
  ['Roman Abramovich', 'Roman Abramov'],
  ['Saddam Hussein', 'Qusay Saddam Hussein'],
  ['Bashar al-Assad', 'Hafez al-Assad'],
  ['Mohammed bin Salman', 'Mohammed bin Zayed'],
  ['Juan Carlos García López', 'Juan Carlos García Pérez'],
  ['Abdul Rahim Khan', 'Abdul Rahman Khan'],
  ['عمر أحمد العتيبي', 'أحمد عمر العتيبي'],
  ['حسين عمر المطيري', 'حسن عمر المطيري'],
  ['Li Qiang', 'Li Keqiang'],
  ['Мухаммед Али', 'Muhammad Alim'],
];

describeGoldenPairs('compare: persons and organisations across scripts', SAME, DIFFERENT);

describe('compare: what the features say', () => {
  it('reports a missing patronymic as a small extra-names cost, not a conflict', () => {
    const r = compare('Vladimir Vladimirovich Putin', 'Vladimir Putin');
    expect(r.explanation.mode).toBe('person');
    const extra = r.explanation.features.find((f) => f.feature === 'extra-names');
    expect(extra?.detail).toContain('vladimirovich');
    expect(extra?.weight).toBeLessThan(0.05);
    expect(r.explanation.features.some((f) => f.feature === 'name-conflict')).toBe(false);
  });
  it('reports different given names under one surname as a name conflict', () => {
    const r = compare('Kim Jong Un', 'Kim Jong Il');
    const c = r.explanation.features.find((f) => f.feature === 'name-conflict');
    expect(c?.value).toBe(-1);
    expect(c?.detail).toContain('un vs il');
  });
  it('says how each token pair agreed', () => {
    const r = compare('Mohamed Salah', 'محمد صلاح');
    expect(r.explanation.variantB.script).toBe('abjad');
    // Mohamed meets محمد through its given-name group, Salah meets صلاح by consonant skeleton.
    expect(r.explanation.tokens.map((t) => [t.a, t.b, t.how])).toEqual([
      ['mohamed', 'mhmd', 'alias'],
      ['salah', 'slah', 'skeleton'],
    ]);
    for (const f of r.explanation.features) expect(f.contribution).toBeCloseTo(f.weight * f.value, 10);
  });
  it('lets legal-form variants move the score by at most a few hundredths', () => {
    const a = compare('Gazprom PJSC', 'Gazprom LLC').score;
    const b = compare('Gazprom PJSC', 'Gazprom PJSC').score;
    expect(b - a).toBeLessThanOrEqual(0.05);
    expect(a).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });
  it('gives the same decision without a schema for clear cases', () => {
    for (const [a, b] of [
      ['Sberbank of Russia', 'Sberbank'],
      ['Vladimir Putin', 'Путин Владимир Владимирович'],
    ] as const)
      expect(compare(a, b).match).toBe(true);
    expect(compare('Bank Melli', 'Bank Mellat').match).toBe(false);
  });
});
