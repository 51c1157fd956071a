import { SaxesParser } from 'saxes';
import { type DatasetName, makeEntityId, type RelationshipFact } from '../../model/index.ts';
import { countryCode } from '../countries.ts';
import { EntityBuilder } from '../entity-builder.ts';
import { readBytes } from '../reader/byte-source.ts';
import { decodeText } from '../reader/decode.ts';
import { accept, type ParseContext, type ParseResult, reject } from '../types.ts';
import { parsePartialDate } from '../values.ts';
import { ofacMemberships, parseOfacRemarks } from './ofac-remarks.ts';
import { ofacSchema } from './ofac-sdn-csv.ts';

/**
 * OFAC's SDN XML (`sdn.xml`: `sdnList/sdnEntry` with uid, lastName, firstName, sdnType,
 * programList, akaList, addressList, idList, nationalityList, dateOfBirthList…), streamed with
 * saxes so the ~100 MB files never sit in memory. Record key and entity id follow the CSV
 * importer (`uid` = `ent_num`), so both layouts describe the same entities. The membership's
 * raw text is the entry's XML exactly as in the file.
 */

/** A parsed element: its text and child elements by name. */
interface Node {
  readonly name: string;
  text: string;
  readonly children: Node[];
}

function child(n: Node | undefined, name: string): Node | undefined {
  return n?.children.find((c) => c.name === name);
}
function text(n: Node | undefined, name: string): string {
  return child(n, name)?.text.trim() ?? '';
}
function list(n: Node | undefined, listName: string, itemName: string): Node[] {
  return child(n, listName)?.children.filter((c) => c.name === itemName) ?? [];
}

function fullName(n: Node): string {
  const last = text(n, 'lastName');
  const first = text(n, 'firstName');
  return first ? (last ? `${last}, ${first}` : first) : last;
}

export async function* parseOfacSdnXml(ctx: ParseContext): AsyncGenerator<ParseResult> {
  for (const path of ctx.paths) yield* parseFile(ctx, path);
}

async function* parseFile(ctx: ParseContext, path: string): AsyncGenerator<ParseResult> {
  const parser = new SaxesParser({ position: true });
  const out: ParseResult[] = [];
  const stack: Node[] = [];
  let entry: Node | null = null;
  let entryLine = 0;
  let entryStart = 0;
  let entryError: string | null = null;
  // Text since the current entry began, to keep its XML verbatim.
  let buf = '';
  let bufStart = 0;

  parser.on('error', (e) => {
    if (entry) entryError ??= e.message;
    else out.push(reject(path, parser.line, `XML error: ${e.message}`, ''));
  });
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.local ?? tag.name, text: '', children: [] };
    if (!entry && node.name === 'sdnEntry') {
      entry = node;
      entryLine = parser.line;
      const at = buf.lastIndexOf('<', parser.position - bufStart - 1);
      entryStart = bufStart + Math.max(0, at);
      entryError = null;
      stack.length = 0;
      stack.push(node);
      return;
    }
    if (entry) {
      stack[stack.length - 1]?.children.push(node);
      stack.push(node);
    }
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (entry && top) top.text += t;
  });
  parser.on('closetag', () => {
    if (!entry) return;
    const done = stack.pop();
    if (done === entry) {
      const raw = buf.slice(entryStart - bufStart, parser.position - bufStart);
      out.push(
        entryError
          ? reject(path, entryLine, `XML error: ${entryError}`, raw)
          : sdnEntry(ctx.dataset, path, entryLine, entry, raw),
      );
      entry = null;
    }
  });

  for await (const chunk of decodeText(readBytes(path, ctx.meter), ctx.encoding)) {
    buf += chunk;
    parser.write(chunk);
    if (entry) {
      buf = buf.slice(entryStart - bufStart);
      bufStart = entryStart;
    } else {
      bufStart += buf.length;
      buf = '';
    }
    yield* out;
    out.length = 0;
  }
  parser.close();
  if (entry) out.push(reject(path, entryLine, 'file ends inside an sdnEntry', ''));
  yield* out;
}

function sdnEntry(dataset: DatasetName, file: string, line: number, n: Node, raw: string): ParseResult {
  const uid = text(n, 'uid');
  if (!/^\d+$/.test(uid)) return reject(file, line, `uid is not a number: ${JSON.stringify(uid)}`, raw);
  const name = fullName(n);
  if (!name) return reject(file, line, 'entry has no name', raw);
  const id = makeEntityId(dataset, uid);
  const e = new EntityBuilder(id, ofacSchema(text(n, 'sdnType'), name));
  e.add('name', name);
  e.add('position', text(n, 'title'));
  for (const a of list(n, 'akaList', 'aka')) {
    const type = text(a, 'type').toLowerCase();
    const prop = type.startsWith('f.k.a')
      ? 'previousName'
      : text(a, 'category') === 'weak'
        ? 'weakAlias'
        : 'alias';
    e.add(prop, fullName(a));
  }
  for (const a of list(n, 'addressList', 'address')) {
    const parts = [
      'address1',
      'address2',
      'address3',
      'city',
      'stateOrProvince',
      'postalCode',
      'country',
    ].map((k) => text(a, k));
    e.add('address', parts.filter(Boolean).join(', '));
    e.add('country', countryCode(text(a, 'country'))?.toLowerCase());
  }
  for (const x of list(n, 'nationalityList', 'nationality')) {
    e.add('nationality', countryCode(text(x, 'country'))?.toLowerCase());
  }
  for (const x of list(n, 'citizenshipList', 'citizenship')) {
    e.add('citizenship', countryCode(text(x, 'country'))?.toLowerCase());
  }
  for (const x of list(n, 'dateOfBirthList', 'dateOfBirthItem')) {
    const d = text(x, 'dateOfBirth');
    e.add('birthDate', parsePartialDate(d) ?? null);
  }
  for (const x of list(n, 'placeOfBirthList', 'placeOfBirthItem'))
    e.add('birthPlace', text(x, 'placeOfBirth'));
  // idList items read like Remarks statements ("Passport 123 (Iran)"): one rulebook for both.
  const linked: string[] = [];
  for (const x of list(n, 'idList', 'id')) {
    const stmt = `${text(x, 'idType')} ${text(x, 'idNumber')}`.trim();
    const r = parseOfacRemarks(stmt);
    for (const [p, v] of r.props) e.add(p, v);
    for (const note of r.notes) e.add('notes', note);
    linked.push(...r.linkedTo);
  }
  const vessel = child(n, 'vesselInfo');
  if (vessel) {
    e.add('callSign', text(vessel, 'callSign'));
    e.add('type', text(vessel, 'vesselType'));
    e.add('flag', countryCode(text(vessel, 'vesselFlag'))?.toLowerCase());
    e.add('tonnage', text(vessel, 'tonnage'));
    e.add('grossRegisteredTonnage', text(vessel, 'grossRegisteredTonnage'));
    const owner = text(vessel, 'vesselOwner');
    if (owner) e.add('notes', `Vessel owner: ${owner}`);
  }
  const remarks = parseOfacRemarks(text(n, 'remarks'));
  for (const a of remarks.aliases) e.add(a.kind === 'fka' ? 'previousName' : 'alias', a.name);
  for (const [p, v] of remarks.props) e.add(p, v);
  for (const note of remarks.notes) e.add('notes', note);
  for (const l of [...linked, ...remarks.linkedTo]) e.add('notes', `Linked To: ${l}`);
  const programs = list(n, 'programList', 'program')
    .map((p) => p.text.trim())
    .filter(Boolean);
  for (const p of programs) e.add('programId', p);
  const memberships = ofacMemberships(id, programs, raw);
  const relationships: RelationshipFact[] = [];
  return accept(dataset, file, uid, line, { entities: [e.build()], relationships, memberships });
}
