import { Matcher } from '../resolve/index.ts';
import { exactMatcher, type MatcherFactory } from './matcher.ts';

/**
 * Matchers by name, so a worker thread can rebuild the one the caller chose (functions do not
 * cross a thread boundary; names do).
 *
 * - `resolve` (default): resolve/'s multilingual matcher (pinyin, brand names, legal forms,
 *   identifiers; explanation per feature), indexed over the watch set only — the exposed
 *   entities — so a query looks at tens of candidates, not the whole store.
 * - `exact`: identifiers and folded names only; fast, never fuzzy.
 */
export const resolveMatcher: MatcherFactory = (watch, opts) => {
  const m = Matcher.fromRecords(watch, { threshold: opts.threshold });
  return {
    kind: 'resolve',
    match(q) {
      return m
        .match({ name: q.name, country: q.country, identifiers: q.identifiers }, opts.limit)
        .filter((c) => c.match && c.score >= opts.threshold)
        .map((c) => ({ entityId: c.entityId, name: c.name, score: c.score, explanation: c.explanation }));
    },
  };
};

export const MATCHERS: Readonly<Record<string, MatcherFactory>> = {
  resolve: resolveMatcher,
  exact: exactMatcher,
};

export const DEFAULT_MATCHER = 'resolve';
