/**
 * Writes bench-pairs.csv from public-names.json: labelled name pairs in the style of the public
 * benchmark the matcher is judged on (persons and organisations, several scripts, variants and
 * hard negatives). Deterministic: the same input gives the same file.
 *
 * - Positives: each entry's first form against up to two others, plus one pair of two
 *   non-first forms (script against variant), so every kind of variant meets every other.
 * - Hard negatives: every `not` link (first and second forms of each side, and first against
 *   second), plus up to two automatic ones per entry: another entry of the same kind whose first
 *   form shares a word (same surname or given name, same "Bank …").
 * - Split: clusters of `not`-linked entries go wholly to `dev` or `heldout` (about 35 %), so no
 *   person or company is tuned on and then tested; an automatic negative whose two entries fell
 *   in different splits is dropped.
 *
 *   npx node src/resolve/eval/gen-bench-pairs.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import table from './public-names.json' with { type: 'json' };

interface Entry {
  readonly id: string;
  readonly schema: string;
  readonly forms: readonly string[];
  readonly not?: readonly string[];
  readonly synthetic?: boolean;
}

const entries = table.entities as Entry[];
const byId = new Map(entries.map((e) => [e.id, e]));

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'de', 'van', 'von', 'abu', 'of', 'the', 'and']);
const GENERIC = new Set([
  'company',
  'co',
  'ltd',
  'limited',
  'llc',
  'jsc',
  'pjsc',
  'corporation',
  'corp',
  'group',
  'state',
  'public',
  'joint',
  'stock',
]);
function words(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !PARTICLES.has(w) && !GENERIC.has(w));
}
const isLatin = (s: string) => !/[^\p{Script=Latin}\p{P}\p{Z}\p{N}\p{M}\p{S}]/u.test(s);
const kindOf = (e: Entry) => (e.schema === 'Person' ? 'person' : 'org');

// Union-find over links, for the split.
const parent = new Map<string, string>();
const find = (x: string): string => {
  let p = parent.get(x) ?? x;
  while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
  parent.set(x, p);
  return p;
};
const union = (a: string, b: string) => {
  const ra = find(a);
  const rb = find(b);
  if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
};

const links: [Entry, Entry, string][] = [];
for (const e of entries) {
  for (const n of e.not ?? []) {
    const o = byId.get(n);
    if (!o) throw new Error(`${e.id}: unknown not-link ${n}`);
    links.push([e, o, 'neg']);
  }
}
const linked = new Set(links.map(([a, b]) => [a.id, b.id].sort().join('|')));
const autoCount = new Map<string, number>();
for (const e of entries) {
  const we = new Set(words(e.forms[0] ?? ''));
  for (const o of entries) {
    if (o.id <= e.id || kindOf(o) !== kindOf(e)) continue;
    if ((autoCount.get(e.id) ?? 0) >= 2 || (autoCount.get(o.id) ?? 0) >= 2) continue;
    const key = [e.id, o.id].sort().join('|');
    if (linked.has(key)) continue;
    if (!words(o.forms[0] ?? '').some((w) => we.has(w))) continue;
    linked.add(key);
    links.push([e, o, 'auto-neg']);
    autoCount.set(e.id, (autoCount.get(e.id) ?? 0) + 1);
    autoCount.set(o.id, (autoCount.get(o.id) ?? 0) + 1);
  }
}
for (const [a, b, how] of links) if (how === 'neg') union(a.id, b.id);

interface Row {
  name1: string;
  name2: string;
  schema: string;
  label: number;
  category: string;
  split: string;
  group: string;
}
const rows: Row[] = [];
const seen = new Set<string>();
const splitOf = (id: string) => (hash(find(id)) % 20 < 7 ? 'heldout' : 'dev');
function push(
  a: string,
  b: string,
  schema: string,
  label: number,
  split: string,
  group: string,
  kind: string,
) {
  const key = [a, b].sort().join('\u0000');
  if (a === b || seen.has(key)) return;
  seen.add(key);
  const xs = isLatin(a) && isLatin(b) ? 'latin' : 'xscript';
  // Alternate the order so neither side is always the canonical form.
  const flip = hash(key) % 2 === 1;
  rows.push({
    name1: flip ? b : a,
    name2: flip ? a : b,
    schema,
    label,
    category: `${kind}-${xs}`,
    split,
    group,
  });
}

for (const e of entries) {
  const f = e.forms;
  const root = splitOf(e.id);
  const group = e.synthetic ? 'synthetic' : 'public';
  const first = f[0] ?? '';
  const others = f.slice(1);
  if (others.length === 0) continue;
  push(first, others[0] ?? '', e.schema, 1, root, group, kindOf(e));
  if (others.length > 1) {
    const k = 1 + (hash(`${e.id}#k`) % (others.length - 1));
    push(first, others[k] ?? '', e.schema, 1, root, group, kindOf(e));
  }
  if (others.length > 2) {
    const i = hash(`${e.id}#i`) % others.length;
    let j = hash(`${e.id}#j`) % others.length;
    if (j === i) j = (i + 1) % others.length;
    push(others[i] ?? '', others[j] ?? '', e.schema, 1, root, group, kindOf(e));
  }
}
for (const [a, b, how] of links) {
  // An automatic negative joins two clusters: keep it only when both are in the same split.
  const root = splitOf(a.id);
  if (splitOf(b.id) !== root) continue;
  const group = `${a.synthetic || b.synthetic ? 'synthetic' : 'public'}-${how}`;
  const schema = a.schema === b.schema ? a.schema : 'LegalEntity';
  const [a0, a1] = [a.forms[0] ?? '', a.forms[1] ?? a.forms[0] ?? ''];
  const [b0, b1] = [b.forms[0] ?? '', b.forms[1] ?? b.forms[0] ?? ''];
  push(a0, b0, schema, 0, root, group, kindOf(a));
  push(a1, b1, schema, 0, root, group, kindOf(a));
  if (how === 'neg') push(a0, b1, schema, 0, root, group, kindOf(a));
}

const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const out = ['name1,name2,schema,label,category,split,group'];
for (const r of rows)
  out.push([r.name1, r.name2, r.schema, String(r.label), r.category, r.split, r.group].map(q).join(','));
const file = fileURLToPath(new URL('./bench-pairs.csv', import.meta.url));
writeFileSync(file, `${out.join('\n')}\n`);
const count = (p: (r: Row) => boolean) => rows.filter(p).length;
console.log(
  `${rows.length} pairs (${count((r) => r.label === 1)} positive, ${count((r) => r.label === 0)} negative; ` +
    `${count((r) => r.split === 'heldout')} held out) → ${file}`,
);
