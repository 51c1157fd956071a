import { hsPrefixMatch } from './hs-code.ts';
import table from './hs-sectors.json' with { type: 'json' };

/** The UFLPA high-priority sectors and the input → output chains, loaded once from hs-sectors.json. */

export interface Sector {
  readonly id: string;
  readonly name: string;
  readonly zh: string;
  readonly year: number;
  readonly core: readonly string[];
  readonly downstream: readonly string[];
}

export interface SectorHit {
  readonly sector: string;
  readonly name: string;
  /** `core`: the sector's own goods; `downstream`: goods that commonly contain them. */
  readonly tier: 'core' | 'downstream';
  /** The table prefix that matched. */
  readonly prefix: string;
  /** `partial` when the code is coarser than the prefix (cannot tell for sure). */
  readonly strength: 'exact' | 'partial';
}

export const SECTORS: readonly Sector[] = table.sectors;
export const SECTOR_SOURCE: string = table.source;

/** Sectors an HS code (digits) belongs to, strongest first: exact core, exact downstream, partial. */
export function sectorsOfHs(code: string): SectorHit[] {
  const hits: SectorHit[] = [];
  for (const s of SECTORS) {
    for (const [tier, prefixes] of [
      ['core', s.core],
      ['downstream', s.downstream],
    ] as const) {
      for (const prefix of prefixes) {
        const strength = hsPrefixMatch(code, prefix);
        if (strength) hits.push({ sector: s.id, name: s.name, tier, prefix, strength });
      }
    }
  }
  const rank = (h: SectorHit) => (h.strength === 'exact' ? 0 : 2) + (h.tier === 'core' ? 0 : 1);
  return hits.sort((a, b) => rank(a) - rank(b));
}

export interface ChainStage {
  readonly chain: string;
  readonly stage: number;
  readonly name: string;
  readonly prefix: string;
}

interface Chain {
  readonly id: string;
  readonly stages: readonly { readonly name: string; readonly hs: readonly string[] }[];
}
const CHAINS: readonly Chain[] = table.chains;

/** The chain stages an HS code falls in (exact prefix matches only). */
export function chainStagesOfHs(code: string): ChainStage[] {
  const out: ChainStage[] = [];
  for (const c of CHAINS) {
    c.stages.forEach((st, i) => {
      for (const prefix of st.hs) {
        if (code.startsWith(prefix)) out.push({ chain: c.id, stage: i, name: st.name, prefix });
      }
    });
  }
  return out;
}

/**
 * Whether goods `input` can be an input of goods `output` along a chain (transitively: raw
 * cotton feeds garments). Same stage counts too, because traders and intermediaries re-ship
 * the goods they buy. Returns the stages that decided it, or null.
 */
export function inputOf(input: string, output: string): { from: ChainStage; to: ChainStage } | null {
  const ins = chainStagesOfHs(input);
  if (ins.length === 0) return null;
  const outs = chainStagesOfHs(output);
  for (const a of ins)
    for (const b of outs) if (a.chain === b.chain && a.stage <= b.stage) return { from: a, to: b };
  return null;
}
