/**
 * A small tolerant HTML table extractor (no dependency): enough for government list pages.
 * It tokenises tags and text, decodes entities, turns `<br>` and block ends into line breaks,
 * and returns every `<table>` with its rows and cells plus the text that came before it
 * (where the page names the section). Unclosed `<td>`/`<tr>` are closed by the next one, as
 * browsers do. Scripts, styles and comments are skipped.
 */

export interface HtmlCell {
  readonly text: string;
  readonly header: boolean;
}

export interface HtmlRow {
  /** 1-based line of the `<tr>` in the source. */
  readonly line: number;
  readonly cells: HtmlCell[];
  /** The row's HTML as in the source. */
  readonly raw: string;
}

export interface HtmlTable {
  readonly line: number;
  /** Text between the previous table (or the start) and this one, whitespace-collapsed. */
  readonly before: string;
  readonly rows: HtmlRow[];
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  eacute: 'é',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  middot: '·',
  shy: '',
  zwnj: '',
  zwj: '',
};

/** Decodes character references: named (common set), decimal and hex. Unknown ones stay as text. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const cp =
        ref[1] === 'x' || ref[1] === 'X'
          ? Number.parseInt(ref.slice(2), 16)
          : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    const v = NAMED[ref.toLowerCase()];
    return v ?? m;
  });
}

const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'ul', 'ol']);

/** Extracts every table of an HTML document. */
export function extractTables(html: string): HtmlTable[] {
  const tables: HtmlTable[] = [];
  const tagRe = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
  let last = 0;
  let line = 1;
  let lineAt = 0;
  const lineOf = (pos: number) => {
    for (let i = html.indexOf('\n', lineAt); i >= 0 && i < pos; i = html.indexOf('\n', i + 1)) line++;
    lineAt = Math.max(lineAt, pos);
    return line;
  };
  let before = '';
  let table: { line: number; before: string; rows: HtmlRow[] } | null = null;
  let row: { line: number; start: number; cells: HtmlCell[] } | null = null;
  let cell: { text: string; header: boolean } | null = null;
  let skipUntil: string | null = null;

  const addText = (t: string) => {
    if (cell) cell.text += t;
    else if (!table) before += t;
  };
  const closeCell = () => {
    if (cell && row) row.cells.push({ text: cleanCell(cell.text), header: cell.header });
    cell = null;
  };
  const closeRow = (end: number) => {
    closeCell();
    if (row && table && row.cells.length > 0) {
      table.rows.push({ line: row.line, cells: row.cells, raw: html.slice(row.start, end) });
    }
    row = null;
  };

  for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
    const pos = m.index;
    if (!skipUntil && pos > last) addText(decodeEntities(html.slice(last, pos)));
    last = tagRe.lastIndex;
    if (m[0].startsWith('<!--')) continue;
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    if (skipUntil) {
      if (closing && name === skipUntil) skipUntil = null;
      continue;
    }
    if (!closing && (name === 'script' || name === 'style')) {
      skipUntil = name;
      continue;
    }
    if (name === 'table' && !closing) {
      table = { line: lineOf(pos), before: cleanCell(before), rows: [] };
      before = '';
    } else if (name === 'table' && closing) {
      closeRow(pos);
      if (table) tables.push(table);
      table = null;
    } else if (name === 'tr' && table) {
      closeRow(closing ? last : pos);
      if (!closing) row = { line: lineOf(pos), start: pos, cells: [] };
    } else if ((name === 'td' || name === 'th') && row) {
      closeCell();
      if (!closing) cell = { text: '', header: name === 'th' };
    } else if (BLOCK.has(name)) {
      addText('\n');
    }
  }
  if (!skipUntil && last < html.length) addText(decodeEntities(html.slice(last)));
  if (table) {
    closeRow(html.length);
    tables.push(table);
  }
  return tables;
}

/** Cell text: line breaks and (no-break) spaces collapsed to single spaces. */
function cleanCell(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}
