import { describe, expect, it } from 'vitest';
import { makeUscc } from '../normalize/index.ts';
import { compareIdentifiers, identifierScheme, isValidLei } from './identifiers.ts';

describe('identifiers', () => {
  const uscc = makeUscc({ division: '659001', org: '70162012' });
  it("uses normalize/ids' USCC check: a valid code is decisive, a wrong check character is not", () => {
    expect(identifierScheme(uscc)).toBe('uscc');
    expect(compareIdentifiers([uscc], [uscc.toLowerCase()]).kind).toBe('decisive');
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    expect(identifierScheme(wrong)).toBe('other');
    expect(compareIdentifiers([wrong], [wrong]).kind).toBe('agree');
  });
  it('checks LEIs by ISO 7064 MOD 97-10', () => {
    // GLEIF's own LEI, as published on gleif.org.
    expect(isValidLei('506700GE1G29325QX363')).toBe(true);
    expect(isValidLei('506700GE1G29325QX364')).toBe(false);
  });
  it('calls two different valid codes of one scheme a conflict', () => {
    const other = makeUscc({ division: '650100', org: '22898745' });
    expect(compareIdentifiers([uscc], [other]).kind).toBe('conflict');
  });
});
