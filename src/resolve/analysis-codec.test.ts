import { describe, expect, it } from 'vitest';
import { analyseName, type NameAnalysis } from '../normalize/index.ts';
import { decodeAnalysis, encodeAnalysis } from './analysis-codec.ts';
import { compare, scoreAnalysed } from './compare.ts';
import { keyHashes } from './match-index.ts';

// What scoring reads of an analysis; `from` comes back as the token's text by design.
function comparable(a: NameAnalysis) {
  return {
    ...a,
    variants: a.variants.map((v) => ({ ...v, tokens: v.tokens.map(({ from: _from, ...t }) => t) })),
  };
}

const NAMES: [string, string?][] = [
  ['新疆冠農股份有限公司'],
  ['合盛硅业（鄯善）有限公司'],
  ['XPCC 8th Division'],
  ['PUTIN, Vladimir Vladimirovich', 'Person'],
  ['محمد بن سلمان', 'Person'],
  ['ООО «Гранд Стар»'],
  ['김정은', 'Person'],
  ['Banco de Venezuela, S.A. Banco Universal'],
];

describe('analysis codec', () => {
  it.each(NAMES)('round-trips %s', (name, schema) => {
    const a = analyseName(name, { schema: schema ?? null });
    keyHashes(a, [], true); // fills the tokens' phonetic keys, as the matcher does
    const d = decodeAnalysis(encodeAnalysis(a), name);
    expect(comparable(d)).toEqual(comparable(a));
  });
  it('scores a decoded analysis exactly as the original', () => {
    const a = analyseName('Xinjiang Guannong Co., Ltd.');
    const b = analyseName('新疆冠农股份有限公司');
    const d = decodeAnalysis(encodeAnalysis(b), b.input);
    const direct = compare('Xinjiang Guannong Co., Ltd.', '新疆冠农股份有限公司');
    const viaCodec = scoreAnalysed({ name: a.input }, a, { name: b.input }, d);
    expect(viaCodec.score).toBe(direct.score);
    expect(viaCodec.explanation).toEqual(direct.explanation);
  });
});
