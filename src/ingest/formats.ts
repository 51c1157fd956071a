import type { DatasetMeta } from '../model/index.ts';
import { parseAms } from './parsers/ams.ts';
import { parseBolCsv } from './parsers/bol-csv.ts';
import { parseCbpWroCsv } from './parsers/cbp-wro-csv.ts';
import { parseCslCsv } from './parsers/csl-csv.ts';
import { parseFtm } from './parsers/ftm.ts';
import { parseOfacSdnCsv } from './parsers/ofac-sdn-csv.ts';
import { parseOfacSdnXml } from './parsers/ofac-sdn-xml.ts';
import { parseRegistryCsv } from './parsers/registry-csv.ts';
import { parseTradeStatsCsv } from './parsers/trade-stats-csv.ts';
import { parseUflpaHtml } from './parsers/uflpa-html.ts';
import type { ParseContext, ParseResult } from './types.ts';

/** One import format: how to parse it and what to call its dataset by default. */
export interface ImportFormat {
  readonly description: string;
  readonly defaultDataset: string;
  /** Dataset metadata used when the dataset is created by its first import. */
  readonly meta: Omit<DatasetMeta, 'name'>;
  /** True when the format reads a folder of files (AMS) rather than files. */
  readonly directory: boolean;
  readonly parse: (ctx: ParseContext) => AsyncIterable<ParseResult>;
}

const USGOV = 'US government work (public domain)';
const meta = (title: string, publisher: string | null, url: string | null, licence: string | null) => ({
  title,
  publisher,
  url,
  licence,
  publishedAt: null,
  version: null,
});

/** Every format `threadline import` accepts, in `--help` order. */
export const FORMATS = {
  ftm: {
    description: 'FollowTheMoney entities as JSON lines (OpenSanctions exports); ids kept as given',
    defaultDataset: 'ftm',
    meta: meta('FollowTheMoney entities', null, null, null),
    directory: false,
    parse: parseFtm,
  },
  'ofac-sdn-csv': {
    description: "OFAC's legacy sdn.csv (no header, -0- empties, Remarks parsed)",
    defaultDataset: 'ofac-sdn',
    meta: meta(
      'OFAC Specially Designated Nationals and Blocked Persons List',
      'US Department of the Treasury, Office of Foreign Assets Control',
      'https://www.treasury.gov/ofac/downloads/sdn.csv',
      USGOV,
    ),
    directory: false,
    parse: parseOfacSdnCsv,
  },
  'ofac-sdn-xml': {
    description: "OFAC's SDN XML (sdn.xml layout; streaming)",
    defaultDataset: 'ofac-sdn',
    meta: meta(
      'OFAC Specially Designated Nationals and Blocked Persons List',
      'US Department of the Treasury, Office of Foreign Assets Control',
      'https://www.treasury.gov/ofac/downloads/sdn.xml',
      USGOV,
    ),
    directory: false,
    parse: parseOfacSdnXml,
  },
  'uflpa-html': {
    description:
      'the DHS UFLPA Entity List web page (sections (i)-(v), aliases and scope from the cell text)',
    defaultDataset: 'uflpa',
    meta: meta(
      'UFLPA Entity List',
      'US Department of Homeland Security, Forced Labor Enforcement Task Force',
      'https://www.dhs.gov/uflpa-entity-list',
      USGOV,
    ),
    directory: false,
    parse: parseUflpaHtml,
  },
  'cbp-wro-csv': {
    description: "CBP's Withhold Release Orders and Findings list (CSV/XLSX)",
    defaultDataset: 'cbp-wro',
    meta: meta(
      'Withhold Release Orders and Findings List',
      'US Customs and Border Protection',
      'https://www.cbp.gov/trade/forced-labor/withhold-release-orders-and-findings',
      USGOV,
    ),
    directory: false,
    parse: parseCbpWroCsv,
  },
  'csl-csv': {
    description: 'trade.gov Consolidated Screening List CSV',
    defaultDataset: 'csl',
    meta: meta(
      'Consolidated Screening List',
      'US Department of Commerce, International Trade Administration',
      'https://www.trade.gov/consolidated-screening-list',
      USGOV,
    ),
    directory: false,
    parse: parseCslCsv,
  },
  'registry-csv': {
    description:
      'company registry extracts: one row per company or per shareholding (Chinese or English headers)',
    defaultDataset: 'registry',
    meta: meta('Company registry extract', null, null, null),
    directory: false,
    parse: parseRegistryCsv,
  },
  'bol-csv': {
    description: 'bills of lading, one row per bill (vendor export headers accepted)',
    defaultDataset: 'bol',
    meta: meta('Bills of lading', null, null, null),
    directory: false,
    parse: parseBolCsv,
  },
  ams: {
    description:
      'CBP AMS manifest extract: a folder of CSVs (header, bill, shipper, consignee, notifyparty, cargodesc, tariff)',
    defaultDataset: 'ams',
    meta: meta(
      'AMS vessel manifests',
      'US Customs and Border Protection (Automated Manifest System)',
      null,
      'Public under 19 CFR 103.31',
    ),
    directory: true,
    parse: parseAms,
  },
  'trade-stats-csv': {
    description: 'customs statistics: reporter region, partner country, month, HS code, value, quantity',
    defaultDataset: 'trade-stats',
    meta: meta('Customs statistics', null, null, null),
    directory: false,
    parse: parseTradeStatsCsv,
  },
} as const satisfies Record<string, ImportFormat>;

export type FormatName = keyof typeof FORMATS;

export function isFormatName(s: string): s is FormatName {
  return Object.hasOwn(FORMATS, s);
}
