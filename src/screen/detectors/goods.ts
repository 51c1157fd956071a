import type { StoredShipment } from '../../model/index.ts';
import {
  classifyGoods,
  type GoodsGuess,
  normalizeHs,
  SECTOR_SOURCE,
  SECTORS,
  type SectorHit,
  sectorsOfHs,
} from '../../normalize/index.ts';
import { type EvidenceLink, type Finding, link, makeFinding } from '../findings.ts';
import type { Policy } from '../policy/schema.ts';
import type { ItemContext } from './context.ts';

/**
 * `high_priority_sector`: goods of a UFLPA high-priority sector, from the declared HS codes or,
 * on lines without one, from the cargo description. One finding per sector per shipment; keys
 * are scoped to the shipment (a decision on "these goods are not cotton" is about this bill).
 */

// Module-level memo: both functions are pure and a year of bills repeats a few thousand codes
// and descriptions; classifying a description costs ~0.3 ms, a lookup ~0.1 µs.
const HS_MEMO = new Map<string, { readonly code: string | null; readonly hits: readonly SectorHit[] }>();
const DESC_MEMO = new Map<string, readonly GoodsGuess[]>();
const MEMO_LIMIT = 200_000;
const NO_CODE = { code: null, hits: [] } as const;

/** The normalised code and its sector hits, memoised by the code as written. */
function sectorsOf(raw: string): { readonly code: string | null; readonly hits: readonly SectorHit[] } {
  let h = HS_MEMO.get(raw);
  if (!h) {
    const code = normalizeHs(raw);
    h = code ? { code, hits: sectorsOfHs(code) } : NO_CODE;
    if (HS_MEMO.size >= MEMO_LIMIT) HS_MEMO.clear();
    HS_MEMO.set(raw, h);
  }
  return h;
}

function guessesOf(description: string): readonly GoodsGuess[] {
  let g = DESC_MEMO.get(description);
  if (!g) {
    g = classifyGoods(description);
    if (DESC_MEMO.size >= MEMO_LIMIT) DESC_MEMO.clear();
    DESC_MEMO.set(description, g);
  }
  return g;
}

interface Hit {
  readonly sector: string;
  readonly name: string;
  readonly tier: 'core' | 'downstream';
  readonly strength: 'exact' | 'partial';
  /** Multiplier for description guesses (their confidence), 1 for declared codes. */
  readonly confidence: number;
  readonly line: number;
  readonly code: string;
  readonly prefix: string;
  readonly via: 'hs' | 'description';
  readonly words: readonly string[];
}

function hitScore(h: Hit, p: Policy['findings']['high_priority_sector']): number {
  return (
    (h.tier === 'core' ? p.core : p.downstream) *
    (h.strength === 'partial' ? p.partialFactor : 1) *
    h.confidence
  );
}

const SECTOR_YEAR = new Map(SECTORS.map((s) => [s.id, s.year]));

export function sectorFindings(policy: Policy, item: ItemContext, s: StoredShipment): Finding[] {
  const rule = policy.findings.high_priority_sector;
  if (!rule.enabled) return [];
  const best = new Map<string, Hit>();
  const all = new Map<string, Hit[]>();
  const add = (h: Hit) => {
    const list = all.get(h.sector) ?? [];
    if (list.length < 10) list.push(h);
    all.set(h.sector, list);
    const cur = best.get(h.sector);
    if (!cur || hitScore(h, rule) > hitScore(cur, rule)) best.set(h.sector, h);
  };
  s.lines.forEach((line, i) => {
    let declared = false;
    for (const raw of line.hsCodes) {
      const { code, hits } = sectorsOf(raw);
      if (!code) continue;
      declared = true;
      if (hits.length === 0) continue;
      const seen = new Set<string>();
      for (const h of hits) {
        if (seen.has(h.sector)) continue; // strongest hit per sector first (sectorsOfHs sorts)
        seen.add(h.sector);
        add({ ...h, confidence: 1, line: i + 1, code, via: 'hs', words: [] });
      }
    }
    if (!declared && line.description) {
      for (const g of guessesOf(line.description)) {
        if (g.confidence < rule.descriptionMinConfidence) continue;
        for (const h of g.sectors) {
          add({
            ...h,
            confidence: g.confidence,
            line: i + 1,
            code: g.hsCode,
            via: 'description',
            words: g.words,
          });
        }
      }
    }
  });
  const out: Finding[] = [];
  for (const [sector, h] of best) {
    const hits = all.get(sector) ?? [h];
    const evidence: EvidenceLink[] = hits.map((x) => {
      const desc = s.lines[x.line - 1]?.description ?? null;
      const how =
        x.via === 'hs'
          ? `HS ${x.code}${x.strength === 'partial' ? ` (coarser than ${x.prefix}: may or may not be)` : ''}`
          : `description "${desc ?? ''}" read as HS ${x.code} (${x.words.join(', ')}; confidence ${x.confidence})`;
      return link('goods', `line ${x.line}: ${how} → ${x.name} (${x.tier})`, s.provenance, {
        line: x.line,
        hs: x.via === 'hs' ? x.code : null,
        description: desc,
        via: x.via,
        sector: x.sector,
        tier: x.tier,
        prefix: x.prefix,
        strength: x.strength,
        confidence: x.confidence,
        table: SECTOR_SOURCE,
      });
    });
    const desc = s.lines[h.line - 1]?.description;
    out.push(
      makeFinding({
        type: 'high_priority_sector',
        severity: rule.severity,
        score: hitScore(h, rule),
        subject: {
          role: 'goods',
          name: desc?.trim() || `HS ${h.code}`,
          entityId: null,
          country: s.originCountry,
        },
        subjectKey: `item:${item.itemKey}`,
        summary: `goods in the UFLPA high-priority sector ${h.name}${
          SECTOR_YEAR.get(sector) ? ` (named ${SECTOR_YEAR.get(sector)})` : ''
        }, ${h.tier}: ${h.via === 'hs' ? `HS ${h.code}` : `described as "${desc ?? ''}"`}`,
        facts: { sector, tier: h.tier },
        evidence,
      }),
    );
  }
  return out;
}
