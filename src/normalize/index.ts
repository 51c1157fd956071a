/** Normalisation: names, identifiers, places and goods turned into comparable facts. */
export { enrichBundle } from './enrich.ts';
export * from './goods/index.ts';
export * from './ids/index.ts';
export * from './names/index.ts';
export * from './places/index.ts';
