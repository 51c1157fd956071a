/** Tokenising goods descriptions the same way for the nomenclature table and for cargo lines. */

const STOP = new Set(
  'a an and or of the for to in on with without by from not other than its their nes n.e.c nec whether as be been at per kg g cm mm m etc thereof such like incl including excluding containing contains weight weighing more less not exceeding exceeding but which used use whose heading headings chapter subheading no item items new pcs pc ctns ctn cartons carton pkgs packages pallets plts said contain stc hs code hts po invoice order'.split(
    ' ',
  ),
);

/** A crude English stem: plural and common suffixes, enough to meet "shirts" with "shirt". */
export function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
  return w;
}

/** Lower-case English word stems of a description (digits and stop words dropped). */
export function hsTokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/aluminum/g, 'aluminium')
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2 && !STOP.has(w))
    .map(stem);
}
