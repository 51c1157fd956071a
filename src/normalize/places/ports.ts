import { foldPlaceName } from './gazetteer.ts';
import table from './ports.json' with { type: 'json' };

/** Ports as named on manifests → country and UN/LOCODE. */

export interface Port {
  readonly name: string;
  /** ISO 3166 alpha-2. */
  readonly country: string;
  /** UN/LOCODE (5 characters) where known. */
  readonly locode: string | null;
  /** CBP Schedule D code for US ports of unlading. */
  readonly usPort?: string;
}

export interface PortMatch extends Port {
  /** The alias (or LOCODE) that matched. */
  readonly matched: string;
}

interface PortRow {
  readonly name: string;
  readonly country: string;
  readonly locode: string | null;
  readonly usPort?: string;
  readonly aliases: readonly string[];
}
const PORTS: readonly PortRow[] = table.ports as readonly PortRow[];
export const PORT_SOURCE: string = table.source;

const BY_LOCODE = new Map(PORTS.filter((p) => p.locode).map((p) => [p.locode as string, p]));
const HAS_HAN = /\p{Script=Han}/u;
/** Aliases as folded word lists, longest first so "Long Beach" beats "Beach", "Tianjin Xingang" beats "Tianjin". */
const ALIASES = PORTS.flatMap((p) =>
  p.aliases.map((a) => {
    const han = HAS_HAN.test(a);
    const ws = han ? [a] : words(a);
    return { port: p, alias: a, han, words: ws, joined: ws.join('') };
  }),
).sort((a, b) => b.joined.length - a.joined.length);

function words(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function contains(hay: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const strip = ({ aliases: _a, ...p }: PortRow): Port => p;

/**
 * The port a manifest names ("YANTIAN,CN", "NHAVA SHEVA (JNPT)", "Long Beach, California",
 * "VNCLI"), or null. A country written beside it ("SHANGHAI, CHINA") settles ties.
 */
export function locatePort(name: string): PortMatch | null {
  // Manifests name a few hundred ports millions of times: remember the answers.
  const cached = CACHE.get(name);
  if (cached !== undefined) return cached;
  const found = findPort(name);
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  CACHE.set(name, found);
  return found;
}

const CACHE = new Map<string, PortMatch | null>();
const CACHE_MAX = 50_000;

function findPort(name: string): PortMatch | null {
  const raw = name.normalize('NFKC').trim();
  if (raw.length === 0) return null;
  const code = raw.toUpperCase().replace(/\s+/g, '');
  const byCode = /^[A-Z]{2}[A-Z2-9]{3}$/.test(code) ? BY_LOCODE.get(code) : undefined;
  if (byCode) return { ...strip(byCode), matched: code };
  const ws = words(raw);
  // "LA" and similar short aliases only as the whole name, never inside a longer one.
  const all = ws.join('');
  const hits = ALIASES.filter(({ alias, han, words: aw, joined }) =>
    han ? raw.includes(alias) : joined.length <= 2 ? all === joined : contains(ws, aw),
  );
  if (hits.length === 0) {
    // Glued forms ("NINGBOPT", "SHANGHAICN"): try folded prefixes.
    const folded = foldPlaceName(raw);
    const g = ALIASES.find(
      (a) => a.words.join('').length >= 4 && folded.startsWith(foldPlaceName(a.words.join(''))),
    );
    return g ? { ...strip(g.port), matched: g.alias } : null;
  }
  const country = /\b([A-Z]{2})\b\s*$/.exec(raw.toUpperCase())?.[1];
  const preferred = country ? hits.find((h) => h.port.country === country) : undefined;
  const h = preferred ?? hits[0];
  return h ? { ...strip(h.port), matched: h.alias } : null;
}

/** Every port in the table (for listings and tests). */
export function allPorts(): readonly Port[] {
  return PORTS.map(strip);
}
