/**
 * Evaluates the goods classifier on the labelled set (src/normalize/goods/eval/labelled-goods.json,
 * synthetic) and on the holdout set (holdout-goods.json): per-sector precision / recall / F1 of the top guess's sectors against the sectors
 * of the labelled HS code, plus chapter and heading accuracy. Run: `npx node scripts/eval-goods.ts`
 * (`--errors` lists the misses).
 */
import { evaluateGoods } from '../src/normalize/goods/eval/evaluate.ts';
import holdout from '../src/normalize/goods/eval/holdout-goods.json' with { type: 'json' };
import dev from '../src/normalize/goods/eval/labelled-goods.json' with { type: 'json' };

const pct = (x: number | null) => (x === null ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
const out: string[] = [];
for (const [title, set] of [
  ['DEVELOPMENT set (written alongside the rules)', dev.items],
  ['HOLDOUT set (written after the rules were frozen; never tuned on)', holdout.items],
] as const) {
  const report = evaluateGoods(set as unknown as [string, string][]);
  out.push(`== ${title}`);
  out.push(
    `labelled descriptions: ${report.n} (${report.zh} Chinese), sector-positive ${report.positives}, negatives ${report.negatives}`,
  );
  out.push(
    `HS chapter accuracy ${pct(report.chapterAccuracy)}   heading accuracy ${pct(report.headingAccuracy)}`,
  );
  out.push('');
  out.push('sector          support  predicted     TP   precision   recall      F1');
  for (const s of report.sectors)
    out.push(
      `${s.sector.padEnd(15)} ${String(s.support).padStart(7)} ${String(s.predicted).padStart(10)} ${String(s.tp).padStart(6)}   ${pct(s.precision)}   ${pct(s.recall)}  ${pct(s.f1)}`,
    );
  out.push('');
  out.push(
    `micro-average: precision ${pct(report.micro.precision)}  recall ${pct(report.micro.recall)}  F1 ${pct(report.micro.f1)}; negatives wrongly given a sector: ${report.falseSectorOnNegatives}`,
  );
  if (process.argv.includes('--errors')) {
    out.push('', 'misses (label → top guess):');
    for (const e of report.errors) out.push(`  ${e.hs.padEnd(6)} → ${e.guess.padEnd(6)} ${e.text}`);
  }
  out.push('');
}
process.stdout.write(`${out.join('\n')}\n`);
