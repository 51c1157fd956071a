/**
 * Evaluates the matcher on the labelled pairs in src/resolve/eval/pairs.csv (or a CSV given as
 * the first argument with name1,name2,label[,schema,category,split]): precision, recall and F1
 * per category and overall at the default threshold, for the dev and held-out splits, plus the
 * threshold that would maximise F1 on each split. `--errors` lists the misclassified pairs,
 * `--sweep` prints P/R/F1 over thresholds 0.50-0.85, `--exclude PREFIX` drops categories (the
 * OFAC alias pairs, mostly nicknames, are reported but are not what the threshold is chosen on),
 * `--no-schema` ignores the schema column. Several CSV files may be given; by default both
 * src/resolve/eval/bench-pairs.csv and src/resolve/eval/pairs.csv.
 *
 *   npx node scripts/eval-matching.ts [pairs.csv…] [--errors] [--sweep] [--split dev|heldout]
 *     [--exclude ofac-] [--no-schema]
 */
import { fileURLToPath } from 'node:url';
import { compare, DEFAULT_THRESHOLD, readPairs } from '../src/resolve/index.ts';

interface Scored {
  readonly label: boolean;
  readonly score: number;
  readonly category: string;
  readonly split: string;
  readonly name1: string;
  readonly name2: string;
}

function prf(rows: readonly Scored[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const m = r.score >= threshold;
    if (m && r.label) tp++;
    else if (m && !r.label) fp++;
    else if (!m && r.label) fn++;
  }
  const p = tp + fp > 0 ? tp / (tp + fp) : 1;
  const rc = tp + fn > 0 ? tp / (tp + fn) : 1;
  const f1 = p + rc > 0 ? (2 * p * rc) / (p + rc) : 0;
  return { n: rows.length, tp, fp, fn, p, r: rc, f1 };
}

function bestThreshold(rows: readonly Scored[]): { t: number; f1: number } {
  let best = { t: DEFAULT_THRESHOLD, f1: -1 };
  for (let t = 0.3; t <= 0.951; t += 0.01) {
    const { f1 } = prf(rows, t);
    if (f1 > best.f1) best = { t: Math.round(t * 100) / 100, f1 };
  }
  return best;
}

const fmt = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const given = args.filter(
    (a, i) => !a.startsWith('--') && args[i - 1] !== '--split' && args[i - 1] !== '--exclude',
  );
  const files =
    given.length > 0
      ? given
      : ['bench-pairs.csv', 'pairs.csv'].map((f) =>
          fileURLToPath(new URL(`../src/resolve/eval/${f}`, import.meta.url)),
        );
  const showErrors = args.includes('--errors');
  const sweep = args.includes('--sweep');
  const exclude = args.includes('--exclude') ? args[args.indexOf('--exclude') + 1] : undefined;
  const onlySplit = args.includes('--split') ? args[args.indexOf('--split') + 1] : undefined;
  // The benchmark may come without a schema column: --no-schema scores the names alone.
  const noSchema = args.includes('--no-schema');
  const rowsIn = [];
  for (const file of files) {
    const parsed = await readPairs(file);
    if (!parsed.ok) throw new Error(parsed.error);
    rowsIn.push(...parsed.rows);
  }
  const scored: Scored[] = [];
  const started = performance.now();
  for (const row of rowsIn) {
    if (exclude && (row.columns.category ?? '').startsWith(exclude)) continue;
    const schema = noSchema ? null : row.schema;
    const r = compare({ name: row.name1, schema }, { name: row.name2, schema });
    scored.push({
      label: ['1', 'true', 'yes', 'match'].includes((row.columns.label ?? '').trim().toLowerCase()),
      score: r.score,
      category: row.columns.category || 'all',
      split: row.columns.split || 'all',
      name1: row.name1,
      name2: row.name2,
    });
  }
  const secs = (performance.now() - started) / 1000;
  console.log(
    `${scored.length} pairs scored in ${secs.toFixed(2)} s; default threshold ${DEFAULT_THRESHOLD}`,
  );
  const splits = [...new Set(scored.map((s) => s.split))].filter((s) => !onlySplit || s === onlySplit);
  for (const split of splits) {
    const rows = scored.filter((s) => s.split === split);
    console.log(`\n== split ${split} (${rows.length} pairs)`);
    console.log(
      'category'.padEnd(16),
      'n'.padStart(5),
      'P'.padStart(7),
      'R'.padStart(7),
      'F1'.padStart(7),
      '  fp  fn',
    );
    const cats = [...new Set(rows.map((r) => r.category))].sort();
    for (const c of [...cats, 'OVERALL']) {
      const sub = c === 'OVERALL' ? rows : rows.filter((r) => r.category === c);
      const m = prf(sub, DEFAULT_THRESHOLD);
      console.log(
        c.padEnd(16),
        String(m.n).padStart(5),
        fmt(m.p).padStart(7),
        fmt(m.r).padStart(7),
        fmt(m.f1).padStart(7),
        String(m.fp).padStart(4),
        String(m.fn).padStart(3),
      );
    }
    const b = bestThreshold(rows);
    console.log(`best threshold on ${split}: ${b.t.toFixed(2)} (F1 ${fmt(b.f1)})`);
    if (sweep) {
      console.log('threshold      P      R     F1');
      for (let t = 0.5; t <= 0.851; t += 0.05) {
        const m = prf(rows, t);
        console.log(`${t.toFixed(2).padStart(9)} ${fmt(m.p)} ${fmt(m.r)} ${fmt(m.f1)}`);
      }
    }
    if (showErrors) {
      for (const r of rows) {
        const m = r.score >= DEFAULT_THRESHOLD;
        if (m !== r.label)
          console.log(
            `  ${r.label ? 'FN' : 'FP'} ${r.score.toFixed(3)} [${r.category}] ${r.name1} | ${r.name2}`,
          );
      }
    }
  }
}

await main();
