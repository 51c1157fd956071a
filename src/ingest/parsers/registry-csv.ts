import { type EntityFact, makeEntityId, type RelationshipFact } from '../../model/index.ts';
import { countryCode } from '../countries.ts';
import { EntityBuilder } from '../entity-builder.ts';
import { accept, type ParseContext, type ParseResult, reject } from '../types.ts';
import { cleanText, looksLikeCompany, parseDate, parsePercent, slug } from '../values.ts';
import { parseHeaderedRows } from './headered-rows.ts';

/**
 * Company registry extracts, one row per company or per shareholding (the company columns
 * repeated on each shareholder's row), with Chinese or English headers. A company is keyed by
 * its USCC when the row has a well-formed one, else by its name; its id is `<dataset>-<key>`,
 * so a shareholder given by USCC links to that company's own rows. Each shareholding becomes
 * an ownership relationship shareholder → company with the share in percent, or null when
 * the row gives none (never guessed). Record keys: `<company>` or `<company>><shareholder>`.
 */

export const REGISTRY_COLUMNS = {
  name: [
    'company_name',
    'name',
    'name_zh',
    'name_cn',
    'chinese_name',
    'entity_name',
    '企业名称',
    '公司名称',
    '名称',
    '中文名称',
  ],
  nameEn: ['name_en', 'english_name', 'company_name_en', '英文名称', '英文名'],
  uscc: [
    'uscc',
    'unified_social_credit_code',
    'social_credit_code',
    'credit_code',
    '统一社会信用代码',
    '信用代码',
  ],
  regNo: ['registration_number', 'reg_no', 'registration_no', '注册号', '工商注册号'],
  address: ['address', 'registered_address', '地址', '注册地址', '住所', '企业地址'],
  established: [
    'established',
    'established_date',
    'incorporation_date',
    'date_established',
    'founded',
    '成立日期',
    '注册日期',
  ],
  industry: ['industry', 'sector', '所属行业', '行业'],
  status: ['status', '经营状态', '登记状态', '企业状态'],
  capital: ['registered_capital', 'capital', '注册资本'],
  legalRep: ['legal_representative', 'legal_rep', '法定代表人'],
  country: ['country', 'jurisdiction', '国家'],
  shareholder: [
    'shareholder',
    'shareholder_name',
    'owner',
    'owner_name',
    '股东',
    '股东名称',
    '股东(发起人)',
    '发起人',
  ],
  shareholderUscc: ['shareholder_uscc', 'shareholder_credit_code', 'shareholder_id', '股东统一社会信用代码'],
  share: [
    'share',
    'share_pct',
    'share_percent',
    'shareholding',
    'percentage',
    'ownership_pct',
    '持股比例',
    '出资比例',
  ],
  amount: ['amount', 'subscribed_capital', 'subscribed_amount', '认缴出资额', '出资额', '认缴出资额(万元)'],
} as const;
type Col = keyof typeof REGISTRY_COLUMNS;

const USCC_RE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
/** A well-formed USCC (18 characters of the GB 32100 alphabet), upper-cased, or null. */
export function usccOrNull(raw: string): string | null {
  const s = raw.replace(/\s+/g, '').toUpperCase();
  return USCC_RE.test(s) ? s : null;
}

function hasHan(s: string): boolean {
  return /\p{Script=Han}/u.test(s);
}

/** A Chinese personal name: 2-4 Han characters (optionally with a middle dot) and no legal-form word. */
export function looksLikeChinesePerson(name: string): boolean {
  return /^[\p{Script=Han}·]{2,4}$/u.test(name) && !looksLikeCompany(name) && !/[师团局委厅部]$/u.test(name);
}

export async function* parseRegistryCsv(ctx: ParseContext): AsyncGenerator<ParseResult> {
  for (const path of ctx.paths) {
    yield* parseHeaderedRows<Col>(
      path,
      REGISTRY_COLUMNS,
      {
        encoding: ctx.encoding,
        meter: ctx.meter,
        required: (h) =>
          h.has('name') || h.has('nameEn')
            ? null
            : 'missing company name column (company_name / 企业名称 / name_en …)',
      },
      (h, row) => {
        const get = (c: Col) => cleanText(h.get(row.cells, c));
        const name = get('name');
        const nameEn = get('nameEn');
        if (!name && !nameEn) {
          return reject(path, row.line, 'empty company name', row.raw);
        }
        const established = parseDate(get('established'));
        if (established === undefined) {
          return reject(
            path,
            row.line,
            `unparseable established date ${JSON.stringify(get('established'))}`,
            row.raw,
          );
        }
        const share = parsePercent(get('share'));
        if (share === undefined) {
          return reject(
            path,
            row.line,
            `unparseable share ${JSON.stringify(get('share'))} (expected 0-100 %)`,
            row.raw,
          );
        }
        const usccRaw = get('uscc');
        const uscc = usccRaw ? usccOrNull(usccRaw) : null;
        const companyKey = uscc ?? slug(name || nameEn);
        const companyId = makeEntityId(ctx.dataset, companyKey);
        const c = new EntityBuilder(companyId, 'Company');
        c.add('name', name, name && hasHan(name) ? 'zh' : undefined);
        c.add('name', nameEn, 'en');
        if (uscc) c.add('uscCode', uscc).add('country', 'cn');
        else if (usccRaw) c.add('registrationNumber', usccRaw).add('notes', `malformed USCC: ${usccRaw}`);
        c.add('registrationNumber', get('regNo'));
        c.add('address', get('address'));
        c.add('incorporationDate', established);
        c.add('sector', get('industry'));
        c.add('status', get('status'));
        c.add('capital', get('capital'));
        const cc = get('country');
        if (cc) c.add('country', countryCode(cc)?.toLowerCase() ?? null);
        for (const u of h.unknown) {
          const v = cleanText(row.cells[u.index] ?? '');
          if (v) c.add('notes', `${u.name}: ${v}`);
        }
        const entities: EntityFact[] = [];
        const relationships: RelationshipFact[] = [];
        const rep = get('legalRep');
        if (rep) {
          const repId = makeEntityId(ctx.dataset, 'person', slug(rep), companyKey);
          entities.push(
            new EntityBuilder(repId, 'Person').add('name', rep, hasHan(rep) ? 'zh' : undefined).build(),
          );
          relationships.push({
            id: makeEntityId(ctx.dataset, companyKey, 'legal-rep', slug(rep)),
            kind: 'directorship',
            schema: 'Directorship',
            source: repId,
            target: companyId,
            percentage: null,
            role: 'legal representative (法定代表人)',
            startDate: null,
            endDate: null,
          });
        }
        let key = companyKey;
        const holder = get('shareholder');
        if (holder) {
          const holderUscc = usccOrNull(get('shareholderUscc'));
          const person = !holderUscc && looksLikeChinesePerson(holder);
          const holderKey = holderUscc ?? (person ? `person-${slug(holder)}-${companyKey}` : slug(holder));
          const holderId = makeEntityId(ctx.dataset, holderKey);
          const schema = person
            ? 'Person'
            : looksLikeCompany(holder) || holderUscc
              ? 'Company'
              : 'LegalEntity';
          const sh = new EntityBuilder(holderId, schema).add(
            'name',
            holder,
            hasHan(holder) ? 'zh' : undefined,
          );
          if (holderUscc) sh.add('uscCode', holderUscc);
          entities.push(sh.build());
          const amount = get('amount');
          // RelationshipFact has no amount field: keep the subscribed amount on the company.
          if (amount) c.add('notes', `shareholder ${holder} subscribed ${amount}`);
          relationships.push({
            id: makeEntityId(ctx.dataset, companyKey, 'owned-by', holderKey),
            kind: 'ownership',
            schema: 'Ownership',
            source: holderId,
            target: companyId,
            percentage: share,
            role: 'shareholder',
            startDate: null,
            endDate: null,
          });
          key = `${companyKey}>${holderKey}`;
        }
        entities.unshift(c.build());
        return accept(ctx.dataset, path, key, row.line, { entities, relationships });
      },
    );
  }
}
