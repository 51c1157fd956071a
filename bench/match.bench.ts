/**
 * Matcher benchmark on seeded synthetic names (all fictitious). Builds an index of N names
 * (default 1,000,000) with realistic variety — Latin companies (distinctive words drawn from a
 * large generated vocabulary with a Zipf-like skew, company words, places, legal forms), Chinese
 * companies in Han, persons in Latin, Cyrillic, Arabic and Han script with given names, middle
 * names and surnames from generated pools — then runs Q match queries (default 20,000) on one
 * core: 80 % variants of indexed names (case, punctuation, another legal form, a typo, surname
 * first, a dropped middle name) and 20 % names that are not indexed. Prints build time,
 * queries/s, CPU time per query (process.cpuUsage, less sensitive to other processes on the
 * machine), top-1 hit rate on the variants, and peak memory (maxRSS).
 *
 *   npx node bench/match.bench.ts [N] [Q]
 */

import { seededRandom } from '../src/model/index.ts';
import { Matcher, type MatchRecord } from '../src/resolve/index.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const Q = Number(process.argv[3] ?? 20_000);

const rng = seededRandom;
const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
// Zipf-like: low indices much more often (common surnames, common words), a long tail.
const zipf = <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * rand() ** 2.5)] as T;
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

const ONSETS = 'b c d f g h j k l m n p r s t v z br dr gr kr pr st tr ch sh kh'.split(' ');
const NUCLEI = 'a e i o u a e i o ia ou ei'.split(' ');
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'm', 'k', 'nd', 'rt', 'x'];
function syllable(): string {
  return pick(ONSETS) + pick(NUCLEI) + pick(CODAS);
}
function makeWords(count: number, minSyl: number, maxSyl: number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const n = minSyl + Math.floor(rand() * (maxSyl - minSyl + 1));
    let w = '';
    for (let i = 0; i < n; i++) w += syllable();
    out.add(cap(w));
  }
  return [...out];
}
const BRANDS = makeWords(200_000, 2, 3);
const GIVEN = makeWords(3_000, 2, 3);
const SURNAMES = makeWords(60_000, 2, 4);
const PLACES =
  'Xinjiang Shanghai Hebei Wuhan Aksu Kashgar Ningbo Shenzhen Berlin Dubai Moscow Istanbul Tehran Mumbai Lagos Panama Rotterdam Singapore Almaty Minsk Riga Tashkent Baku Yerevan'.split(
    ' ',
  );
const WORDS =
  'Textile Trading Import and Export Technology Cotton Apparel Chemical Logistics Energy Mining Shipping Holding Group Industries Investment Steel Metals Petroleum Oil Gas Bank Insurance Construction Electronics Machinery Food Agro Pharmaceutical International General Development Services Management Capital Marine Aviation Motors Solar Silicon'.split(
    ' ',
  );
const FORMS = [
  'Co., Ltd.',
  'LLC',
  'Limited',
  'GmbH',
  'JSC',
  'Inc.',
  'Group Co., Ltd.',
  'S.A.',
  'PJSC',
  'Ltd',
  'FZE',
  'OOO',
];
const HAN =
  '华达盛农冠溢泰合天新中博瑞丰源利通宏兴恒远鑫安金银海山河东西南北明光辉德永昌隆祥福寿康宁嘉佳美丽创智信诚'.split(
    '',
  );
const ZH_PLACES = [
  '新疆',
  '上海',
  '浙江',
  '江苏',
  '广东',
  '深圳',
  '北京',
  '天津',
  '山东',
  '河北',
  '阿克苏',
  '喀什',
  '乌鲁木齐',
];
const ZH_WORDS = [
  '纺织',
  '贸易',
  '进出口',
  '科技',
  '棉业',
  '服饰',
  '化工',
  '实业',
  '物流',
  '能源',
  '矿业',
  '电子',
];
const CYR_SYL = 'ба ва га да ка ла ма на ра са та ко ло но ро со ин ов ев ми ни ли зо бу ду ку лу му'.split(
  ' ',
);
const AR_GIVEN = [
  'محمد',
  'أحمد',
  'علي',
  'حسن',
  'حسين',
  'عمر',
  'خالد',
  'يوسف',
  'إبراهيم',
  'عبد الله',
  'سعيد',
  'مصطفى',
];
const AR_FAMILY =
  'الحربي الغامدي الزهراني القحطاني العتيبي الشمري المطيري الدوسري السبيعي العنزي البلوشي الكعبي'.split(' ');

function cyrWord(): string {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(CYR_SYL);
  return cap(w);
}

interface Synthetic {
  readonly name: string;
  readonly schema: string;
  readonly kind: 'latin-co' | 'zh-co' | 'latin-person' | 'cyr-person' | 'ar-person' | 'zh-person';
}

function syntheticName(): Synthetic {
  const r = rand();
  if (r < 0.35) {
    const parts: string[] = [];
    if (rand() < 0.3) parts.push(pick(PLACES));
    parts.push(zipf(BRANDS));
    if (rand() < 0.3) parts.push(zipf(BRANDS));
    const nw = Math.floor(rand() * 3);
    for (let i = 0; i < nw; i++) parts.push(pick(WORDS));
    parts.push(pick(FORMS));
    return { name: parts.join(' '), schema: 'Company', kind: 'latin-co' };
  }
  if (r < 0.5) {
    const core = pick(HAN) + pick(HAN) + (rand() < 0.3 ? pick(HAN) : '');
    return { name: `${pick(ZH_PLACES)}${core}${pick(ZH_WORDS)}有限公司`, schema: 'Company', kind: 'zh-co' };
  }
  if (r < 0.8) {
    const middle = rand() < 0.3 ? ` ${zipf(GIVEN)}` : '';
    return { name: `${zipf(GIVEN)}${middle} ${zipf(SURNAMES)}`, schema: 'Person', kind: 'latin-person' };
  }
  if (r < 0.9) {
    const patronymic = rand() < 0.4 ? ` ${cyrWord()}ович` : '';
    return { name: `${cyrWord()}${patronymic} ${cyrWord()}ов`, schema: 'Person', kind: 'cyr-person' };
  }
  if (r < 0.95) {
    return {
      name: `${pick(AR_GIVEN)} ${pick(AR_GIVEN)} ${pick(AR_FAMILY)}`,
      schema: 'Person',
      kind: 'ar-person',
    };
  }
  const given = pick(HAN) + (rand() < 0.7 ? pick(HAN) : '');
  return {
    name: `${pick('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split(''))}${given}`,
    schema: 'Person',
    kind: 'zh-person',
  };
}

// Variants as they occur in trade data and lists.
function variant(s: Synthetic): string {
  let name = s.name;
  const r = rand();
  if (s.kind === 'latin-person' && r < 0.3) {
    const parts = name.split(' ');
    name = `${parts[parts.length - 1]?.toUpperCase()}, ${parts.slice(0, -1).join(' ')}`;
  } else if (s.kind === 'latin-person' && r < 0.45 && name.split(' ').length === 3) {
    const parts = name.split(' ');
    name = `${parts[0]} ${parts[2]}`;
  } else if (s.kind === 'latin-co' && r < 0.4) {
    name = name.replace(
      / (Co\., Ltd\.|LLC|Limited|GmbH|JSC|Inc\.|Group Co\., Ltd\.|S\.A\.|PJSC|Ltd|FZE|OOO)$/,
      ` ${pick(FORMS)}`,
    );
  }
  if (rand() < 0.5) name = name.toUpperCase();
  name = name.replace(/[.,]/g, rand() < 0.5 ? '' : ' ');
  if (rand() < 0.3 && (s.kind === 'latin-co' || s.kind === 'latin-person')) {
    // One typo inside a word.
    const at = 2 + Math.floor(rand() * Math.max(1, name.length - 4));
    if (/[A-Za-z]/.test(name[at] ?? '')) name = name.slice(0, at) + name.slice(at + 1);
  }
  return name;
}

const sample: { id: string; s: Synthetic }[] = [];
function* records(): Iterable<MatchRecord> {
  const every = Math.max(1, Math.floor(N / Q));
  for (let i = 0; i < N; i++) {
    const s = syntheticName();
    const id = `synthetic-${i}`;
    if (i % every === 0 && sample.length < Q) sample.push({ id, s });
    yield { id, schema: s.schema, names: [s.name] };
  }
}

let t0 = performance.now();
let c0 = process.cpuUsage();
const matcher = Matcher.fromRecords(records());
const buildSecs = (performance.now() - t0) / 1000;
const buildCpu = process.cpuUsage(c0);
console.log(
  `index build: ${N.toLocaleString()} names in ${buildSecs.toFixed(1)} s wall, ${((buildCpu.user + buildCpu.system) / 1e6).toFixed(1)} s CPU (${Math.round(N / buildSecs).toLocaleString()} names/s)`,
);

const queries = sample.map((x, i) =>
  i % 5 === 4
    ? { expect: null, name: syntheticName().name }
    : { expect: { id: x.id, name: x.s.name }, name: variant(x.s) },
);
// Warm up (JIT, and the collection of the build's garbage) on 2,000 queries, not counted: the
// figures are steady-state throughput.
for (let i = 0; i < 2000; i++) {
  const q = queries[i % queries.length];
  if (q) matcher.match({ name: q.name }, 5);
}
t0 = performance.now();
c0 = process.cpuUsage();
let hits = 0;
let asked = 0;
for (const q of queries) {
  const res = matcher.match({ name: q.name }, 5);
  if (q.expect) {
    asked++;
    // A hit: the expected entity is ranked first, or the first has the very same name (the
    // synthetic names repeat common given names and surnames, so some occur more than once).
    if (res[0] && (res[0].entityId === q.expect.id || res[0].name === q.expect.name)) hits++;
  }
}
const qSecs = (performance.now() - t0) / 1000;
const qCpu = process.cpuUsage(c0);
const cpuPerQuery = (qCpu.user + qCpu.system) / queries.length;
console.log(
  `match: ${queries.length.toLocaleString()} queries in ${qSecs.toFixed(1)} s = ${Math.round(queries.length / qSecs).toLocaleString()} queries/s wall (limit 5); CPU ${cpuPerQuery.toFixed(0)} µs/query = ${Math.round(1e6 / cpuPerQuery).toLocaleString()} queries/s per core`,
);
console.log(
  `top-1 hit rate on variants of indexed names (the same name in first place counts): ${((100 * hits) / Math.max(1, asked)).toFixed(1)}%`,
);
console.log(`peak memory (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
