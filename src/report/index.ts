/**
 * report: renderings of results for people and machines. Screening: one result with its
 * evidence chains as text (`renderResult`, what the demo prints), JSON lines, CSV rows, summary
 * counts and monitoring changes. Renderers show explanations; they never recompute them.
 */
export {
  CSV_HEADERS,
  changeRecord,
  csvLine,
  findingRecord,
  findingTypeCounts,
  RISK_ORDER,
  resultCsvRows,
  resultRecord,
} from './screening-records.ts';
export {
  citation,
  clean,
  type RenderOptions,
  renderFinding,
  renderResult,
  resultHeadline,
} from './screening-text.ts';
