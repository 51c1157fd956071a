import { describe, expect, it } from 'vitest';
import { consonantSkeleton, hangulKey, phoneticKey } from './phonetic.ts';

describe('phoneticKey', () => {
  it.each([
    ['sergey', 'sergei'],
    ['yevgeniy', 'evgeny'],
    ['dmitriy', 'dmitrii'],
    ['wladimir', 'vladimir'],
    ['timtchenko', 'timchenko'],
    ['guennadi', 'gennadi'],
    ['mukhammed', 'muhamed'],
    ['gantz', 'gants'],
    ['akhmat', 'akhmad'],
    ['yuliya', 'yulia'],
  ])('%s = %s', (a, b) => expect(phoneticKey(a)).toBe(phoneticKey(b)));
  it.each([
    ['kamal', 'jamal'],
    ['putin', 'potanin'],
    ['yeo', 'o'],
  ])('%s ≠ %s', (a, b) => expect(phoneticKey(a)).not.toBe(phoneticKey(b)));
});

describe('consonantSkeleton', () => {
  it('reads a Latin spelling as its Arabic-script form is written', () => {
    expect(consonantSkeleton('mohammed')).toBe(consonantSkeleton('mhmd'));
    expect(consonantSkeleton('osama')).toBe(consonantSkeleton('usama'));
    expect(consonantSkeleton('gaddafi')).toBe(consonantSkeleton('qadhafi'));
    expect(consonantSkeleton('sepah')).toBe(consonantSkeleton('spe'));
    expect(consonantSkeleton('michel')).toBe(consonantSkeleton('mishal'));
    expect(consonantSkeleton('hussein')).toBe(consonantSkeleton('hasan'));
  });
});

describe('hangulKey', () => {
  it('ignores voicing and vowels that romanisations spell differently', () => {
    expect(hangulKey('gim')).toBe(hangulKey('kim'));
    expect(hangulKey('jeong')).toBe(hangulKey('chong'));
    expect(hangulKey('seong')).toBe(hangulKey('sung'));
    expect(hangulKey('eun')).not.toBe(hangulKey('il'));
  });
});
