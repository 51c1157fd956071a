/**
 * Writes the synthetic part of the example workspace (examples/workspace/): fictitious
 * companies, shareholdings, bills of lading and trade statistics, from a fixed seed so the
 * files are reproducible. Real, cited facts live in hand-written files beside them (see
 * examples/workspace/SOURCES.md); nothing here describes a real company's trade or ownership
 * as fact: where a real entity appears (the XPCC, Grand Star), the row is marked hypothetical.
 *
 *   npx node scripts/gen-example-workspace.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { orgCodeCheckChar, USCC_ALPHABET, usccCheckChar } from '../src/normalize/index.ts';
import { seededRandom } from '../src/screen/flows/fixtures/synthetic.ts';
import { xinjiangFixture } from '../src/screen/flows/fixtures/xinjiang-2022.ts';

const root = join(import.meta.dirname, '..', 'examples', 'workspace');
const rand = seededRandom(20260601);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

/** A valid (fictitious) enterprise USCC registered in `division`: both check characters computed. */
function uscc(division: string, r: () => number): string {
  const org = Array.from({ length: 8 }, () => USCC_ALPHABET[Math.floor(r() * 10)]).join('');
  const body = `91${division}${org}${orgCodeCheckChar(org)}`;
  return `${body}${usccCheckChar(body)}`;
}

function csv(rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null) => {
    const s = v == null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

// ── Synthetic registry: fictitious companies, some held by real XPCC units (marked) ─────────

const REGISTRY_HEADER = [
  'company_name',
  'name_en',
  'uscc',
  'address',
  'established',
  'industry',
  'shareholder',
  'share_pct',
  'note',
] as const;
const SYN = 'synthetic: fictitious company and shareholding, not a real ownership fact';
const registry: (string | number | null)[][] = [[...REGISTRY_HEADER]];
const company = (
  zh: string,
  en: string,
  division: string,
  address: string,
  established: string,
  industry: string,
  holders: readonly [string, number | null][],
) => {
  const code = uscc(division, rand);
  for (const [holder, pct] of holders.length ? holders : [['', null] as const]) {
    registry.push([zh, en, code, address, established, industry, holder, pct, SYN]);
  }
  return { zh, en, code, address };
};

const agri = company(
  '新疆合成农业控股有限公司',
  'Xinjiang Synthetic Agri Holdings Co., Ltd. (synthetic)',
  '650100',
  '乌鲁木齐市 新市区 合成路 1 号',
  '2012-04-01',
  'agriculture',
  [['新疆生产建设兵团', 100]],
);
const tomatoTrading = company(
  '合成番茄贸易有限公司',
  'Synthetic Tomato Trading Co., Ltd. (synthetic)',
  '652801',
  'Korla, Bayingolin, Xinjiang',
  '2015-09-12',
  'tomato products trading',
  [
    ['新疆生产建设兵团', 30],
    ['新疆合成农业控股有限公司', 25],
    ['合成投资有限公司', 45],
  ],
);
const shihezi = company(
  '石河子合成棉絮有限公司',
  'Shihezi Synthetic Cotton Wrap Co., Ltd. (synthetic)',
  '659001',
  'Beisi Road, Shihezi, Xinjiang 832000, China',
  '2010-03-15',
  'cotton wadding',
  [['合成一五二团投资有限公司', 60]],
);
company(
  '合成一五二团投资有限公司',
  'Synthetic Regiment 152 Investment Co. (synthetic)',
  '659001',
  '兵团第八师一五二团',
  '2008-01-01',
  'investment',
  [['新疆生产建设兵团第八师', 100]],
);
const aksu = company(
  '阿克苏合成纺纱有限公司',
  'Aksu Synthetic Cotton Spinning Co., Ltd. (synthetic)',
  '652901',
  'Aksu Textile Industrial City, Aksu, Xinjiang',
  '2016-06-30',
  'cotton spinning',
  [['合成投资有限公司', 100]],
);
company(
  '合成投资有限公司',
  'Synthetic Investment Co., Ltd. (synthetic)',
  '330100',
  '杭州市 西湖区 合成路 8 号',
  '2005-05-05',
  'investment',
  [],
);
const jiangsu = company(
  '江苏合成纺织有限公司',
  'Jiangsu Synthetic Textile Co., Ltd. (synthetic)',
  '320500',
  'Suzhou, Jiangsu, China',
  '2009-02-02',
  'textiles',
  [['合成投资有限公司', 51]],
);
writeFileSync(join(root, 'registry', 'synthetic-registry.csv'), csv(registry));

// ── A fictitious list, so that `listed` shows without inventing a listing of a real firm ────

const listed = {
  id: 'syn-listed-textile',
  name: 'Hotan Synthetic Listed Textile Co., Ltd. (synthetic)',
  alias: '和田合成纺织有限公司',
  listedOn: '2023-05-01',
};
const synList = [
  {
    id: listed.id,
    schema: 'Company',
    properties: {
      name: [listed.name],
      alias: [listed.alias, 'HOTAN SYNTHETIC TEXTILE'],
      country: ['cn'],
      address: ['Hotan, Xinjiang, China'],
      notes: ['synthetic: fictitious company on a fictitious list'],
    },
  },
  {
    id: `${listed.id}-listing`,
    schema: 'Sanction',
    properties: {
      entity: [listed.id],
      authority: ['Example Forced-Labour List (synthetic, fictitious)'],
      program: ['example section (i)'],
      startDate: [listed.listedOn],
    },
  },
];
writeFileSync(
  join(root, 'lists', 'synthetic-list.ftm.jsonl'),
  `${synList.map((e) => JSON.stringify(e)).join('\n')}\n`,
);

// ── Synthetic bills of lading: the scenarios, then background noise ─────────────────────────

const BOL_HEADER = [
  'bol_id',
  'arrival_date',
  'shipper_name',
  'shipper_address',
  'shipper_country',
  'consignee_name',
  'consignee_address',
  'consignee_country',
  'notify_name',
  'manufacturer_name',
  'manufacturer_address',
  'manufacturer_country',
  'origin_country',
  'port_of_lading',
  'port_of_unlading',
  'hs_codes',
  'description',
  'weight_kg',
  'quantity',
  'quantity_unit',
  'note',
] as const;
type Bol = Partial<Record<(typeof BOL_HEADER)[number], string | number | null>>;
const bols: Bol[] = [];
let n = 0;
const bol = (b: Bol) => bols.push({ bol_id: `SYN${String(++n).padStart(5, '0')}`, note: 'synthetic', ...b });

// 1. Hypothetical second leg of the reported tomato-paste flow: Grand Star → a fictitious US importer.
for (const [date, kg] of [
  ['2020-03-18', 19_800],
  ['2020-07-02', 21_400],
  ['2020-11-20', 20_100],
] as const) {
  bol({
    arrival_date: date,
    shipper_name: 'GRAND STAR LLC',
    shipper_address: null, // not stated in the reporting
    shipper_country: 'RU',
    consignee_name: 'EXAMPLE FOODS IMPORT LLC (SYNTHETIC)',
    consignee_address: '100 Example Ave, Brooklyn, NY 11201',
    consignee_country: 'US',
    origin_country: 'RU',
    port_of_lading: 'NOVOROSSIYSK',
    port_of_unlading: 'NEW YORK/NEWARK',
    hs_codes: '2103.20',
    description: 'TOMATO KETCHUP IN GLASS JARS',
    weight_kg: kg,
    quantity: Math.round(kg / 12),
    quantity_unit: 'CTN',
    note: 'HYPOTHETICAL: not a reported shipment; the importer is fictitious (trade data could not show the paste reached the US)',
  });
}
// A fictitious trader 55% held in aggregate by XPCC units (30% + 25% via a 100% subsidiary): blocked by the 50% rule.
bol({
  arrival_date: '2023-02-14',
  shipper_name: tomatoTrading.en.toUpperCase(),
  shipper_address: tomatoTrading.address,
  shipper_country: 'CN',
  consignee_name: 'SYNTHETIC SAUCE CO. LTD.',
  consignee_address: 'Toronto, ON, Canada',
  consignee_country: 'CA',
  origin_country: 'CN',
  port_of_lading: 'TIANJIN XINGANG',
  port_of_unlading: 'VANCOUVER',
  hs_codes: '200290',
  description: 'TOMATO PASTE 36-38 BRIX IN ASEPTIC BAGS',
  weight_kg: 22_000,
  quantity: 100,
  quantity_unit: 'DRUM',
});

// 2. Cotton wrap from Shihezi after the UFLPA took effect (SCMP reported 48 t; parties fictitious).
bol({
  arrival_date: '2022-09-12',
  shipper_name: 'SHIHEZI SYNTHETIC COTTON WRAP CO LTD',
  shipper_address: shihezi.address,
  shipper_country: 'CN',
  consignee_name: 'SYNTHETIC HOME GOODS INC',
  consignee_address: '2500 Commerce Blvd, Columbus, OH 43219',
  consignee_country: 'US',
  origin_country: 'CN',
  port_of_lading: 'YANTIAN',
  port_of_unlading: 'LONG BEACH',
  hs_codes: '5601.21',
  description: '100% COTTON WRAP / WADDING',
  weight_kg: 48_000,
  quantity: 960,
  quantity_unit: 'BALES',
  note: 'synthetic parties; echoes the SCMP-reported 48 tonnes of cotton wrap from Shihezi (2022)',
});

// 3. Xinjiang cotton yarn to a third-country garment maker, whose T-shirts then go to the US.
bol({
  arrival_date: '2023-03-06',
  shipper_name: 'AKSU SYNTHETIC COTTON SPINNING CO LTD',
  shipper_address: aksu.address,
  shipper_country: 'CN',
  consignee_name: 'SAIGON SYNTHETIC GARMENT JSC',
  consignee_address: 'Tan Thuan EPZ, District 7, Ho Chi Minh City, Vietnam',
  consignee_country: 'VN',
  origin_country: 'CN',
  port_of_lading: 'SHANGHAI',
  port_of_unlading: 'CAT LAI',
  hs_codes: '5205.12',
  description: '100% COTTON COMBED YARN NE 30/1',
  weight_kg: 18_000,
  quantity: 720,
  quantity_unit: 'BAGS',
});
for (const [date, kg] of [
  ['2023-06-20', 6_400],
  ['2023-08-11', 7_100],
] as const) {
  bol({
    arrival_date: date,
    shipper_name: 'SAIGON SYNTHETIC GARMENT JSC',
    shipper_address: 'Tan Thuan EPZ, District 7, Ho Chi Minh City, Vietnam',
    shipper_country: 'VN',
    consignee_name: 'SYNTHETIC APPAREL RETAIL CORP',
    consignee_address: '11 Market St, Seattle, WA 98101',
    consignee_country: 'US',
    origin_country: 'VN',
    port_of_lading: 'CAT LAI',
    port_of_unlading: 'SEATTLE',
    hs_codes: '6109.10',
    description: "MEN'S 100% COTTON KNITTED T-SHIRTS",
    weight_kg: kg,
    quantity: Math.round(kg * 4),
    quantity_unit: 'PCS',
  });
}

// 4. A listed (fictitious) supplier, and a new intermediary right after its listing.
bol({
  arrival_date: '2023-01-10',
  shipper_name: 'HOTAN SYNTHETIC LISTED TEXTILE CO LTD',
  shipper_address: 'Hotan, Xinjiang, China',
  shipper_country: 'CN',
  consignee_name: 'SYNTHETIC LINENS USA LLC',
  consignee_address: '77 Harbor Rd, Newark, NJ 07105',
  consignee_country: 'US',
  origin_country: 'CN',
  port_of_lading: 'NINGBO',
  port_of_unlading: 'NEW YORK/NEWARK',
  hs_codes: '6302.31',
  description: 'COTTON BED LINEN',
  weight_kg: 9_000,
  quantity: 3_000,
  quantity_unit: 'SETS',
});
bol({
  arrival_date: '2023-06-05',
  shipper_name: 'HOTAN SYNTHETIC TEXTILE',
  shipper_address: 'Hotan, Xinjiang',
  shipper_country: 'CN',
  consignee_name: 'ALMATY SYNTHETIC TRADING LLP',
  consignee_address: 'Almaty, Kazakhstan',
  consignee_country: 'KZ',
  origin_country: 'CN',
  port_of_lading: 'KHORGOS',
  port_of_unlading: 'ALMATY',
  hs_codes: '6302.31',
  description: 'COTTON BED LINEN',
  weight_kg: 9_500,
  quantity: 3_100,
  quantity_unit: 'SETS',
});
bol({
  arrival_date: '2023-07-28',
  shipper_name: 'ALMATY SYNTHETIC TRADING LLP',
  shipper_address: 'Almaty, Kazakhstan',
  shipper_country: 'KZ',
  consignee_name: 'SYNTHETIC LINENS USA LLC',
  consignee_address: '77 Harbor Rd, Newark, NJ 07105',
  consignee_country: 'US',
  origin_country: 'KZ',
  port_of_lading: 'AKTAU',
  port_of_unlading: 'NEW YORK/NEWARK',
  hs_codes: '6302.31',
  description: 'COTTON BED LINEN',
  weight_kg: 9_400,
  quantity: 3_050,
  quantity_unit: 'SETS',
});

// 5. Controls that must not raise exposure.
bol({
  arrival_date: '2023-04-03',
  shipper_name: 'GUANGZHOU SYNTHETIC KITCHEN EQUIPMENT CO LTD',
  shipper_address: 'Panyu District, Guangzhou, Guangdong, China',
  shipper_country: 'CN',
  consignee_name: 'XINJIANG RESTAURANT LLC (SYNTHETIC)',
  consignee_address: '41-28 Main St, Flushing, NY 11355, USA',
  consignee_country: 'US',
  origin_country: 'CN',
  port_of_lading: 'NANSHA',
  port_of_unlading: 'NEW YORK/NEWARK',
  hs_codes: '8419.81',
  description: 'COMMERCIAL KITCHEN EQUIPMENT, NOODLE COOKERS',
  weight_kg: 1_200,
  quantity: 6,
  quantity_unit: 'PKG',
  note: 'synthetic control: a US restaurant named Xinjiang must not be treated as Xinjiang-located',
});
const usCotton = [
  [
    '2023-01-15',
    'TEXAS SYNTHETIC COTTON GROWERS COOP',
    'Lubbock, TX, USA',
    'US',
    'GUJARAT SYNTHETIC SPINNING MILLS PVT LTD',
    'Ahmedabad, Gujarat, India',
    'IN',
    'HOUSTON',
    'MUNDRA',
    '5201.00',
    'RAW COTTON, US UPLAND, NOT CARDED',
    40_000,
  ],
  [
    '2023-04-10',
    'GUJARAT SYNTHETIC SPINNING MILLS PVT LTD',
    'Ahmedabad, Gujarat, India',
    'IN',
    'DHAKA SYNTHETIC KNITWEAR LTD',
    'Gazipur, Dhaka, Bangladesh',
    'BD',
    'MUNDRA',
    'CHITTAGONG',
    '5205.12',
    '100% COTTON CARDED YARN (US COTTON)',
    20_000,
  ],
  [
    '2023-07-22',
    'DHAKA SYNTHETIC KNITWEAR LTD',
    'Gazipur, Dhaka, Bangladesh',
    'BD',
    'SYNTHETIC OUTFITTERS INC',
    '500 Retail Way, Charleston, SC 29401',
    'US',
    'CHITTAGONG',
    'CHARLESTON',
    '6109.10',
    "WOMEN'S COTTON KNIT T-SHIRTS",
    8_000,
  ],
] as const;
for (const [date, sn, sa, sc, cn, ca, cc, pl, pu, hs, desc, kg] of usCotton) {
  bol({
    arrival_date: date,
    shipper_name: sn,
    shipper_address: sa,
    shipper_country: sc,
    consignee_name: cn,
    consignee_address: ca,
    consignee_country: cc,
    origin_country: sc,
    port_of_lading: pl,
    port_of_unlading: pu,
    hs_codes: hs,
    description: desc,
    weight_kg: kg,
    quantity: Math.round(kg / 20),
    quantity_unit: 'BALES',
    note: 'synthetic control: US cotton spun in India and sewn in Bangladesh, no Xinjiang link',
  });
}

// 6. Background: ordinary trade between fictitious firms, so findings stand out from noise.
const SUPPLIERS = [
  ['NINGBO SYNTHETIC HOMEWARE CO LTD', 'Ningbo, Zhejiang, China', 'CN', 'NINGBO'],
  ['SHENZHEN SYNTHETIC ELECTRONICS CO LTD', 'Nanshan, Shenzhen, Guangdong, China', 'CN', 'YANTIAN'],
  [jiangsu.en.toUpperCase(), jiangsu.address, 'CN', 'SHANGHAI'],
  ['HANOI SYNTHETIC FURNITURE JSC', 'Hanoi, Vietnam', 'VN', 'HAIPHONG'],
  ['CHENNAI SYNTHETIC LEATHER PVT LTD', 'Chennai, Tamil Nadu, India', 'IN', 'CHENNAI'],
  ['PHNOM PENH SYNTHETIC BAGS CO LTD', 'Phnom Penh, Cambodia', 'KH', 'SIHANOUKVILLE'],
] as const;
const BUYERS = [
  ['SYNTHETIC HOME GOODS INC', '2500 Commerce Blvd, Columbus, OH 43219', 'LONG BEACH'],
  ['SYNTHETIC TOOLS DISTRIBUTION LLC', '9 Industrial Pkwy, Savannah, GA 31408', 'SAVANNAH'],
  ['SYNTHETIC OUTFITTERS INC', '500 Retail Way, Charleston, SC 29401', 'CHARLESTON'],
] as const;
const GOODS = [
  ['9403.60', 'WOODEN FURNITURE'],
  ['8516.60', 'ELECTRIC COOKERS'],
  ['4202.92', 'POLYESTER BACKPACKS'],
  ['6912.00', 'CERAMIC TABLEWARE'],
  ['8471.30', 'LAPTOP COMPUTERS'],
  ['5407.61', 'POLYESTER WOVEN FABRIC'],
  ['6403.99', 'LEATHER FOOTWEAR'],
] as const;
for (let i = 0; i < 60; i++) {
  const [sn, sa, sc, pl] = pick(SUPPLIERS);
  const [cn, ca, pu] = pick(BUYERS);
  const [hs, desc] = pick(GOODS);
  const kg = 500 + Math.round(rand() * 15_000);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  bol({
    arrival_date: `2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    shipper_name: sn,
    shipper_address: sa,
    shipper_country: sc,
    consignee_name: cn,
    consignee_address: ca,
    consignee_country: 'US',
    origin_country: sc,
    port_of_lading: pl,
    port_of_unlading: pu,
    hs_codes: rand() < 0.3 ? '' : hs, // a third of real manifests carry no HS code
    description: desc,
    weight_kg: kg,
    quantity: Math.round(kg / 10),
    quantity_unit: 'CTN',
  });
}
writeFileSync(
  join(root, 'trade', 'synthetic.bol.csv'),
  csv([[...BOL_HEADER], ...bols.map((b) => BOL_HEADER.map((h) => b[h] ?? null))]),
);

// ── Trade statistics: published Aug 2022 figures with illustrative filler ──────────────────

const stats = xinjiangFixture();
writeFileSync(
  join(root, 'stats', 'xinjiang-exports.csv'),
  csv([
    ['reporter_region', 'partner_country', 'month', 'hs_code', 'value_usd', 'quantity', 'quantity_unit'],
    ...stats.map((s) => [
      s.reporterRegion,
      s.partnerCountry,
      s.month,
      s.hsCode,
      s.valueUsd,
      s.quantity,
      s.quantityUnit,
    ]),
  ]),
);

console.log(
  `wrote ${registry.length - 1} registry rows, ${synList.length} list entities, ${bols.length} bills of lading, ${stats.length} statistics rows`,
);
void agri;
