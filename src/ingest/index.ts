/**
 * ingest: importers for lists, registries, bills of lading and customs statistics. Each
 * format streams its files into facts with provenance (or rejections with file, line and
 * reason); `runImport` writes them to the store in batches. See docs/importers.md.
 */
export { countryCode } from './countries.ts';
export { FORMATS, type FormatName, type ImportFormat, isFormatName } from './formats.ts';
export { ByteMeter } from './reader/byte-source.ts';
export { CsvTokenizer } from './reader/csv-tokenizer.ts';
export { checkEncoding, EncodingError } from './reader/decode.ts';
export { readTable } from './reader/table.ts';
export { regionCode } from './regions.ts';
export {
  ImportAbortedError,
  ImportInputError,
  type ImportProgress,
  type ImportResult,
  type RunImportOptions,
  runImport,
} from './run-import.ts';
export type { ParseContext, ParseResult, Rejection } from './types.ts';
