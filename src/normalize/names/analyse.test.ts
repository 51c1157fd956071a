import { describe, expect, it } from 'vitest';
import { analyseName } from './analyse.ts';
import { chineseNumber, latinNumber } from './numbers.ts';
import { consonantSkeleton } from './phonetic.ts';

describe('analyseName', () => {
  it('reads a Chinese company name into place, translated words and pinyin core', () => {
    const a = analyseName('昌吉溢達紡織有限公司');
    expect(a.kind).toBe('organization');
    expect(a.legalForms.map((f) => f.id)).toEqual(['co-ltd']);
    const v = a.variants.find((x) => x.kind === 'pinyin-translated');
    expect(v?.tokens.map((t) => t.text)).toEqual(['changji', 'yida', 'textile']);
    expect(v?.tokens[1]?.alts).toContain('esquel');
    expect(a.variants.find((x) => x.kind === 'han')?.text).toBe('昌吉 溢达 纺织');
  });
  it('finds XPCC numbers in every notation', () => {
    expect(analyseName('农八师一五二团').numbers).toEqual([8, 152]);
    expect(analyseName('XPCC Eighth Division').numbers).toEqual([8]);
    expect(analyseName('8th Division').numbers).toEqual([8]);
    expect(chineseNumber('一百五十二')).toBe(152);
    expect(chineseNumber('十四')).toBe(14);
    expect(latinNumber('152nd')).toBe(152);
  });
  it('strips legal forms in several languages', () => {
    expect(analyseName('ООО «Гранд Стар»').legalForms[0]?.id).toBe('llc');
    expect(analyseName('Foo S.R.L.').legalForms[0]?.id).toBe('srl');
    expect(
      analyseName('PT Indofood Sukses Makmur Tbk')
        .legalForms.map((f) => f.id)
        .sort(),
    ).toEqual(['jsc', 'srl']);
    expect(analyseName('Bar Sdn Bhd').legalForms[0]?.id).toBe('srl');
  });
  it('transliterates and tags the derivation', () => {
    expect(analyseName('Сергей Шойгу').variants[0]).toMatchObject({
      kind: 'transliterated',
      text: 'sergey shoygu',
    });
    // Arabic script: one transliterated variant tagged abjad, the article and "bin" as
    // particles, compared by consonant skeleton (محمد and Mohammed both read "mhmt").
    const ar = analyseName('محمد بن سلمان');
    expect(ar.variants.map((v) => [v.kind, v.script])).toEqual([['transliterated', 'abjad']]);
    const toks = ar.variants[0]?.tokens ?? [];
    expect(toks.map((t) => t.kind)).toEqual(['word', 'particle', 'word']);
    expect(consonantSkeleton(toks[0]?.text ?? '')).toBe(consonantSkeleton('mohammed'));
    expect(consonantSkeleton(toks[2]?.text ?? '')).toBe(consonantSkeleton('salman'));
    expect(analyseName('بشار الأسد').variants[0]?.text).toBe('bshar al asd');
  });
  it('resolves Xinjiang place spellings to one code', () => {
    expect(analyseName('Kashgar Textile Co').places).toEqual(analyseName('喀什纺织有限公司').places);
    expect(analyseName('Hami Gold Mine Co').places).not.toEqual(analyseName('Karamay Gold Mine Co').places);
  });
  it('reads a Chinese person name with family name first', () => {
    const a = analyseName('欧阳娜娜', { schema: 'Person' });
    expect(a.variants[0]?.tokens.map((t) => t.text)).toEqual(['ouyang', 'nana']);
  });
});
