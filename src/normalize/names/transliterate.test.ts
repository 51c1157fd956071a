import { describe, expect, it } from 'vitest';
import { analyseName } from './analyse.ts';
import { toLatin } from './fold.ts';

const tokens = (name: string, schema?: string) =>
  (analyseName(name, schema ? { schema } : {}).variants[0]?.tokens ?? []).map((t) => t.text);

describe('transliteration tables', () => {
  it('reads Greek as ELOT 743 does (digraphs as one sound)', () => {
    expect(toLatin('Αλέξης Τσίπρας')).toBe('alexis tsipras');
    expect(toLatin('Παπανδρέου')).toBe('papandreou');
    expect(toLatin('Άνγκελα Μέρκελ')).toBe('angela merkel');
  });
  it('splits the Arabic article off and keeps long vowels', () => {
    expect(toLatin('بشار الأسد')).toBe('bshar al asd');
    expect(toLatin('أسامة')).toBe('asama');
    expect(toLatin('ایران')).toBe('iran');
    // A Persian ه before a zero-width non-joiner is the vowel e.
    expect(toLatin('خامنه‌ای')).toBe('khamneay');
  });
  it('reads Hebrew consonants with hard letters at the start of a word', () => {
    expect(toLatin('בנימין נתניהו')).toBe('bnimin ntniho');
  });
  it('reads Cyrillic by language: Russian ye, Ukrainian y/h, Belarusian h, Serbian Latin', () => {
    expect(toLatin('Евгений')).toBe('yevgeniy');
    expect(toLatin('Ігор Коломойський')).toBe('ihor kolomoyskyy');
    expect(toLatin('Віктар Лукашэнка')).toBe('viktar lukashenka');
    expect(toLatin('Александар Вучић')).toBe('aleksandar vucic');
  });
  it('keeps Hangul syllables apart and reads Azerbaijani ə as a', () => {
    expect(tokens('김정은')).toEqual(['gim', 'jeong', 'eun']);
    expect(toLatin('Əliyev')).toBe('aliyev');
  });
});

describe("persons' names", () => {
  it('turns SURNAME, Given round and marks patronymics', () => {
    const a = analyseName('PUTIN, Vladimir Vladimirovich', { schema: 'Person' });
    expect(a.variants[0]?.tokens.map((t) => [t.text, t.kind])).toEqual([
      ['vladimir', 'word'],
      ['vladimirovich', 'patronymic'],
      ['putin', 'word'],
    ]);
    // The last -vich word of three is the surname when another -vich word precedes it.
    const b = analyseName('Roman Arkadyevich Abramovich', { schema: 'Person' });
    expect(b.variants[0]?.tokens.map((t) => t.kind)).toEqual(['word', 'patronymic', 'word']);
    expect(tokens('Aleksandar Vucic', 'Person')).toEqual(['aleksandar', 'vucic']);
  });
  it('drops titles and reads Abd al-X as one name in every spelling', () => {
    expect(tokens('Sheikh Tamim bin Hamad', 'Person')).toEqual(['tamim', 'bin', 'hamad']);
    for (const n of ['Abdel Fattah el-Sisi', 'Abdelfattah Elsisi', 'Abd al-Fattah al-Sisi'])
      expect(tokens(n, 'Person')[0]).toBe('abdfattah');
    expect(tokens('Abdullah Gul', 'Person')[0]).toBe('abdullah');
  });
  it('guesses a person from several words without company words, an organisation from them', () => {
    expect(analyseName('Vladimir Putin')).toMatchObject({ kind: 'person', kindFrom: 'guess' });
    expect(analyseName('Sberbank of Russia')).toMatchObject({ kind: 'organization', kindFrom: 'signals' });
    expect(analyseName('Gazprom').kind).toBe('organization');
  });
});

describe("organisations' names", () => {
  it('strips legal forms wherever they stand, in several languages', () => {
    const a = analyseName('Public Joint Stock Company Sberbank of Russia');
    expect(a.legalForms.map((f) => f.id)).toEqual(['jsc']);
    expect(analyseName('ПАО «НК «Роснефть»').variants[0]?.text).toBe('rosneft');
    expect(analyseName('Oil Transporting Joint Stock Company Transneft').legalForms[0]?.id).toBe('jsc');
    expect(analyseName('Banco de Venezuela, S.A. Banco Universal').legalForms[0]?.id).toBe('sa');
  });
  it('reads company words and countries in Russian, Persian and Arabic as concepts', () => {
    const fa = analyseName('بانک ملی ایران').variants[0]?.tokens ?? [];
    expect(fa.map((t) => t.key)).toEqual(['c:bank', 'c:national', 'c:country ir']);
    // The Persian word keeps its own spelling, so the Latin "Melli" can still meet it.
    expect(fa[1]?.alts).toContain('mli');
    const ar = analyseName('البنك التجاري السوري').variants[0]?.tokens ?? [];
    expect(ar.filter((t) => t.kind === 'concept').map((t) => t.key)).toEqual([
      'c:bank',
      'c:trade',
      'c:country sy',
    ]);
  });
  it('reads roman numerals in organisations, not the surname Xi', () => {
    expect(analyseName('Nord Stream II AG').numbers).toEqual([2]);
    expect(analyseName('Xi Trading Co').numbers).toEqual([]);
    // Object.prototype is not a number table.
    expect(analyseName('Constructor Trading LLC').numbers).toEqual([]);
  });
});
