import { exactMatcher, type MatcherFactory } from './matcher.ts';

/**
 * Matchers by name, so a worker thread can rebuild the one the caller chose (functions do not
 * cross a thread boundary; names do).
 */
export const MATCHERS: Readonly<Record<string, MatcherFactory>> = {
  exact: exactMatcher,
};

export const DEFAULT_MATCHER = 'exact';
