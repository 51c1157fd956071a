/** The data model: ids, provenance, FtM vocabulary, the facts importers produce and the store returns. */
export * from './errors.ts';
export * from './ids.ts';
export * from './memoize.ts';
export * from './provenance.ts';
export * from './records.ts';
export { safeText, terminalText } from './safe-text.ts';
export * from './schema.ts';
export * from './seeded-random.ts';
export * from './stored.ts';
