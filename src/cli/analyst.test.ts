import { userInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { analystName } from './analyst.ts';

const saved = process.env.THREADLINE_USER;
afterEach(() => {
  if (saved === undefined) delete process.env.THREADLINE_USER;
  else process.env.THREADLINE_USER = saved;
});

describe('analystName', () => {
  it('takes --who, then $THREADLINE_USER, then the login name', () => {
    process.env.THREADLINE_USER = 'analyst-env';
    expect(analystName(' analyst-flag ')).toBe('analyst-flag');
    expect(analystName(undefined)).toBe('analyst-env');
    expect(analystName('  ')).toBe('analyst-env');
    delete process.env.THREADLINE_USER;
    expect(analystName(undefined)).toBe(userInfo().username);
  });
});
