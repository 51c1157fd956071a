/**
 * Matcher benchmark on seeded synthetic names (fictitious): builds an index of N names
 * (default 1,000,000: companies in English and Chinese, persons in Latin and Cyrillic), then
 * runs Q match queries (default 20,000: perturbed copies of indexed names and unrelated names)
 * on one core. Prints build time, queries/s, hit rate and peak memory (maxRSS).
 *
 *   npx node bench/match.bench.ts [N] [Q]
 */
import { Matcher, type MatchRecord } from '../src/resolve/index.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const Q = Number(process.argv[3] ?? 20_000);

// Mulberry32: a small seeded generator so every run sees the same names.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const SYL =
  'ba bo ka ke li lo ma me na no ra ri sa so ta tu va vi za zo han lin qi shan wei xin yu zhong'.split(' ');
const PLACES = [
  'Xinjiang',
  'Shanghai',
  'Hebei',
  'Wuhan',
  'Aksu',
  'Kashgar',
  'Ningbo',
  'Berlin',
  'Dubai',
  'Moscow',
];
const WORDS = [
  'Textile',
  'Trading',
  'Import and Export',
  'Technology',
  'Cotton',
  'Apparel',
  'Chemical',
  'Logistics',
  'Energy',
  'Mining',
];
const FORMS = ['Co., Ltd.', 'LLC', 'Limited', 'GmbH', 'JSC', 'Inc.', 'Group Co., Ltd.'];
const HAN = '华达盛农冠溢泰合天新中博瑞丰源利通宏兴恒远鑫安'.split('');
const ZH_WORDS = ['纺织', '贸易', '进出口', '科技', '棉业', '服饰', '化工'];
const CYR = 'ба ва га да ка ла ма на ра са та ко ло но ро со ин ов ев'.split(' ');

function word(): string {
  const n = 2 + Math.floor(rand() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(SYL);
  return w.charAt(0).toUpperCase() + w.slice(1);
}
function syntheticName(i: number): { name: string; schema: string } {
  const r = i % 10;
  if (r < 5) return { name: `${pick(PLACES)} ${word()} ${pick(WORDS)} ${pick(FORMS)}`, schema: 'Company' };
  if (r < 7) {
    const core = pick(HAN) + pick(HAN);
    return { name: `新疆${core}${pick(ZH_WORDS)}有限公司`, schema: 'Company' };
  }
  if (r < 9) return { name: `${word()} ${word()} ${word()}`, schema: 'Person' };
  const cyr = () => {
    const w = pick(CYR) + pick(CYR) + pick(CYR);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  return { name: `${cyr()} ${cyr()}`, schema: 'Person' };
}

function perturb(name: string): string {
  // Typical trade-data noise: upper case, punctuation, a dropped or swapped letter.
  let s = rand() < 0.5 ? name.toUpperCase() : name;
  s = s.replace(/[.,]/g, rand() < 0.5 ? '' : ' ');
  if (rand() < 0.4 && s.length > 6) {
    const at = 2 + Math.floor(rand() * (s.length - 4));
    s = s.slice(0, at) + s.slice(at + 1);
  }
  return s;
}

const names: MatchRecord[] = [];
function* records(): Iterable<MatchRecord> {
  for (let i = 0; i < N; i++) {
    const { name, schema } = syntheticName(i);
    const r = { id: `synthetic-${i}`, schema, names: [name] };
    if (i % Math.max(1, Math.floor(N / Q)) === 0 && names.length < Q) names.push(r);
    yield r;
  }
}

let t0 = performance.now();
const matcher = Matcher.fromRecords(records());
const buildSecs = (performance.now() - t0) / 1000;
console.log(
  `index build: ${N.toLocaleString()} names in ${buildSecs.toFixed(1)} s (${Math.round(N / buildSecs).toLocaleString()} names/s)`,
);

const queries = names.map((r, i) => ({
  expect: r.id,
  name: i % 5 === 4 ? syntheticName(N + i).name : perturb(r.names[0] ?? ''),
}));
t0 = performance.now();
let hits = 0;
let asked = 0;
for (const [i, q] of queries.entries()) {
  const res = matcher.match({ name: q.name }, 5);
  if (i % 5 !== 4) {
    asked++;
    if (res[0]?.entityId === q.expect) hits++;
  }
}
const qSecs = (performance.now() - t0) / 1000;
console.log(
  `match: ${queries.length.toLocaleString()} queries in ${qSecs.toFixed(1)} s = ${Math.round(queries.length / qSecs).toLocaleString()} queries/s (limit 5)`,
);
console.log(`top-1 hit rate on perturbed copies: ${((100 * hits) / Math.max(1, asked)).toFixed(1)}%`);
console.log(`peak memory (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
