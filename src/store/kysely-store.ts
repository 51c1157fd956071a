import {
  type DatasetMeta,
  type DatasetName,
  type DatasetSummary,
  type Entity,
  type EntityId,
  type FtmProperty,
  type FtmSchema,
  ID_PROPS,
  type ImportSummary,
  type Judgement,
  NAME_PROPS,
  NotFoundError,
  type StoredMembership,
  type StoredRelationship,
  type StoredShipment,
  type StoredTradeStat,
} from '../model/index.ts';
import type { Exec, Row } from './exec.ts';
import { importSummaryFromRow, KyselyImportSession } from './import-session.ts';
import {
  assembleEntities,
  foldLookup,
  membershipFromRow,
  partyLinkKey,
  relationshipFromRow,
  shipmentFromRow,
  tradeStatFromRow,
} from './rows.ts';
import type { FactTable } from './schema.ts';
import type {
  ImportSession,
  IterateOptions,
  PartyLink,
  ScreenRunInput,
  ScreenRunSummary,
  Store,
  StoredFinding,
  TradeStatFilter,
} from './store.ts';

const DEFAULT_PAGE = 5000;
const now = () => new Date().toISOString();

/** The Store over either backend: every query is a Kysely builder run through {@link Exec}. */
export class KyselyStore implements Store {
  readonly backend: 'sqlite' | 'postgres';
  readonly location: string;
  readonly #ex: Exec;

  constructor(ex: Exec, backend: 'sqlite' | 'postgres', location: string) {
    this.#ex = ex;
    this.backend = backend;
    this.location = location;
  }

  close(): Promise<void> {
    return this.#ex.close();
  }

  // ── datasets and imports ────────────────────────────────────────────────

  async upsertDataset(meta: DatasetMeta): Promise<void> {
    const ex = this.#ex;
    const t = now();
    const values = {
      title: meta.title,
      publisher: meta.publisher,
      url: meta.url,
      licence: meta.licence,
      published_at: meta.publishedAt,
      version: meta.version,
      updated_at: t,
    };
    await ex.run(
      ex.db
        .insertInto('datasets')
        .values({ name: meta.name, created_at: t, ...values })
        .onConflict((oc) => oc.column('name').doUpdateSet(values)),
    );
  }

  async listDatasets(): Promise<DatasetSummary[]> {
    const rows = await this.#ex.all(this.#ex.db.selectFrom('datasets').select('name').orderBy('name'));
    const out: DatasetSummary[] = [];
    for (const r of rows) {
      const d = await this.getDataset(r.name as DatasetName);
      if (d) out.push(d);
    }
    return out;
  }

  async getDataset(name: DatasetName): Promise<DatasetSummary | null> {
    const ex = this.#ex;
    const db = ex.db;
    const [d] = await ex.all(db.selectFrom('datasets').selectAll().where('name', '=', name));
    if (!d) return null;
    const [rec] = await ex.all(
      db
        .selectFrom('records')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('removed_at').as('removed')])
        .where('dataset', '=', name),
    );
    const count = async (t: FactTable, col: 'entity_id' | 'rows' = 'rows') => {
      const q =
        col === 'entity_id'
          ? db
              .selectFrom('entities')
              .select((eb) => eb.fn.count<number>('entity_id').distinct().as('n'))
              .where('dataset', '=', name)
              .where('removed_at', 'is', null)
          : db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('dataset', '=', name)
              .where('removed_at', 'is', null);
      const [c] = await ex.all(q);
      return Number(c?.n ?? 0);
    };
    const imports = await this.listImports(name);
    return {
      name: d.name as DatasetName,
      title: d.title,
      publisher: d.publisher,
      url: d.url,
      licence: d.licence,
      publishedAt: d.published_at,
      version: d.version,
      records: Number(rec?.n ?? 0) - Number(rec?.removed ?? 0),
      removed: Number(rec?.removed ?? 0),
      entities: await count('entities', 'entity_id'),
      relationships: await count('relationships'),
      memberships: await count('memberships'),
      shipments: await count('shipments'),
      tradeStats: await count('trade_stats'),
      lastImport: imports.at(-1) ?? null,
    };
  }

  async beginImport(opts: {
    dataset: DatasetName;
    format: string;
    files: readonly string[];
  }): Promise<ImportSession> {
    const ex = this.#ex;
    const db = ex.db;
    const [d] = await ex.all(db.selectFrom('datasets').select('name').where('name', '=', opts.dataset));
    if (!d) throw new NotFoundError(`dataset ${opts.dataset}`);
    return ex.transaction(async (tx) => {
      // An import still 'running' here was killed: its finished batches stay, it never completed.
      await tx.run(
        db
          .updateTable('imports')
          .set({
            status: 'failed',
            finished_at: now(),
            error: 'interrupted: the import stopped before it finished',
          })
          .where('dataset', '=', opts.dataset)
          .where('status', '=', 'running'),
      );
      const [base] = await tx.all(
        db
          .selectFrom('imports')
          .select((eb) => eb.fn.max<number>('id').as('id'))
          .where('dataset', '=', opts.dataset)
          .where('status', '=', 'done'),
      );
      const baseId = Number(base?.id ?? 0);
      const [row] = await tx.all(
        db
          .insertInto('imports')
          .values({
            dataset: opts.dataset,
            format: opts.format,
            files: JSON.stringify(opts.files),
            started_at: now(),
            finished_at: null,
            status: 'running',
            base_import: baseId,
            records: 0,
            rejected: 0,
            added: 0,
            removed: 0,
            changed: 0,
            unchanged: 0,
          })
          .returning('id'),
      );
      if (!row) throw new Error('insert into imports returned no id');
      return new KyselyImportSession(ex, Number(row.id), opts.dataset, baseId);
    });
  }

  async listImports(dataset?: DatasetName): Promise<ImportSummary[]> {
    let q = this.#ex.db.selectFrom('imports').selectAll().orderBy('id');
    if (dataset) q = q.where('dataset', '=', dataset);
    return (await this.#ex.all(q)).map(importSummaryFromRow);
  }

  // ── entities ─────────────────────────────────────────────────────────────

  async #entitiesByIds(ids: readonly string[], includeRemoved = false): Promise<Entity[]> {
    if (ids.length === 0) return [];
    const out: Entity[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      let q = this.#ex.db
        .selectFrom('entities')
        .selectAll()
        .where('entity_id', 'in', ids.slice(i, i + 500))
        .orderBy('entity_id')
        .orderBy('rec_id')
        .orderBy('ord');
      if (!includeRemoved) q = q.where('removed_at', 'is', null);
      out.push(...assembleEntities(await this.#ex.all(q)));
    }
    return out;
  }

  async getEntity(id: EntityId): Promise<Entity | null> {
    const [e] = await this.#entitiesByIds([id]);
    return e ?? null;
  }

  async findEntitiesByName(name: string, limit = 50): Promise<Entity[]> {
    return this.#byFolded(NAME_PROPS, foldLookup(name), limit);
  }

  async findEntitiesByIdentifier(value: string, limit = 50): Promise<Entity[]> {
    return this.#byFolded(ID_PROPS, foldLookup(value), limit);
  }

  async #byFolded(props: readonly FtmProperty[], folded: string, limit: number): Promise<Entity[]> {
    const rows = await this.#ex.all(
      this.#ex.db
        .selectFrom('entity_keys')
        .select('entity_id')
        .distinct()
        .where('folded', '=', folded)
        .where('prop', 'in', props)
        .orderBy('entity_id')
        .limit(limit),
    );
    // Keys are append-only (see schema.ts): keep only entities that still carry the value.
    const found = await this.#entitiesByIds(rows.map((r) => r.entity_id));
    return found.filter((e) =>
      props.some((p) => (e.properties[p] ?? []).some((v) => foldLookup(v) === folded)),
    );
  }

  async *iterateEntities(
    opts: IterateOptions & { schemata?: readonly FtmSchema[] } = {},
  ): AsyncIterable<Entity> {
    const page = opts.pageSize ?? DEFAULT_PAGE;
    let after = '';
    for (;;) {
      let q = this.#ex.db
        .selectFrom('entities')
        .select('entity_id')
        .distinct()
        .where('entity_id', '>', after)
        .orderBy('entity_id')
        .limit(page);
      if (!opts.includeRemoved) q = q.where('removed_at', 'is', null);
      if (opts.datasets?.length) q = q.where('dataset', 'in', opts.datasets);
      const ids = (await this.#ex.all(q)).map((r) => r.entity_id);
      if (ids.length === 0) return;
      after = ids[ids.length - 1] as string;
      for (const e of await this.#entitiesByIds(ids, opts.includeRemoved)) {
        if (opts.schemata?.length && !opts.schemata.includes(e.schema)) continue;
        yield e;
      }
      if (ids.length < page) return;
    }
  }

  async countEntities(opts: IterateOptions = {}): Promise<number> {
    let q = this.#ex.db
      .selectFrom('entities')
      .select((eb) => eb.fn.count<number>('entity_id').distinct().as('n'));
    if (!opts.includeRemoved) q = q.where('removed_at', 'is', null);
    if (opts.datasets?.length) q = q.where('dataset', 'in', opts.datasets);
    const [r] = await this.#ex.all(q);
    return Number(r?.n ?? 0);
  }

  // ── facts by keyset pages over the (rec_id, ord) key, i.e. in import order ──

  async *#pages<T extends Exclude<FactTable, 'entities'>>(
    table: T,
    opts: IterateOptions,
    // biome-ignore lint/suspicious/noExplicitAny: the filter hook receives the table's own builder
    filter?: (q: any) => any,
    // biome-ignore lint/suspicious/noExplicitAny: rows are typed by the mapper that consumes them
  ): AsyncIterable<any[]> {
    const page = opts.pageSize ?? DEFAULT_PAGE;
    let after: [number, number] = [0, -1];
    for (;;) {
      // biome-ignore lint/suspicious/noExplicitAny: dynamic table name narrows poorly in Kysely
      let q: any = (this.#ex.db.selectFrom(table) as any)
        .selectAll()
        // biome-ignore lint/suspicious/noExplicitAny: see above
        .where((eb: any) => eb(eb.refTuple('rec_id', 'ord'), '>', eb.tuple(after[0], after[1])))
        .orderBy('rec_id')
        .orderBy('ord')
        .limit(page);
      if (!opts.includeRemoved) q = q.where('removed_at', 'is', null);
      if (opts.datasets?.length) q = q.where('dataset', 'in', opts.datasets);
      if (filter) q = filter(q);
      const rows = (await this.#ex.all(q)) as Row[];
      if (rows.length === 0) return;
      const last = rows[rows.length - 1];
      after = [Number(last?.rec_id), Number(last?.ord)];
      yield rows;
      if (rows.length < page) return;
    }
  }

  async *iterateRelationships(opts: IterateOptions = {}): AsyncIterable<StoredRelationship> {
    for await (const rows of this.#pages('relationships', opts))
      for (const r of rows) yield relationshipFromRow(r);
  }

  async *iterateMemberships(opts: IterateOptions = {}): AsyncIterable<StoredMembership> {
    for await (const rows of this.#pages('memberships', opts))
      for (const r of rows) yield membershipFromRow(r);
  }

  async membershipsOf(entityId: EntityId): Promise<StoredMembership[]> {
    const rows = await this.#ex.all(
      this.#ex.db
        .selectFrom('memberships')
        .selectAll()
        .where('entity_id', '=', entityId)
        .where('removed_at', 'is', null)
        .orderBy('rec_id')
        .orderBy('ord'),
    );
    return rows.map(membershipFromRow);
  }

  async *iterateShipments(
    opts: IterateOptions & { ids?: readonly string[] } = {},
  ): AsyncIterable<StoredShipment> {
    if (opts.ids && opts.ids.length === 0) return;
    const links = await this.#partyLinks(opts.ids);
    const filter = opts.ids
      ? (q: { where: (...a: unknown[]) => unknown }) => q.where('id', 'in', opts.ids)
      : undefined;
    for await (const rows of this.#pages('shipments', opts, filter)) {
      for (const r of rows) yield shipmentFromRow(r, links.get(partyLinkKey(r.dataset, r.id)));
    }
  }

  async getShipment(id: string): Promise<StoredShipment | null> {
    for await (const s of this.iterateShipments({ ids: [id] })) return s;
    return null;
  }

  /** Party links of the given shipments (all of them when `ids` is omitted), by partyLinkKey. */
  async #partyLinks(ids?: readonly string[]): Promise<Map<string, Map<string, EntityId>>> {
    const q = this.#ex.db.selectFrom('party_links').selectAll();
    const rows = [];
    if (!ids) rows.push(...(await this.#ex.all(q)));
    // getShipment and id lists read only their own links, not the whole table.
    else
      for (let i = 0; i < ids.length; i += 500)
        rows.push(...(await this.#ex.all(q.where('shipment_id', 'in', ids.slice(i, i + 500)))));
    const out = new Map<string, Map<string, EntityId>>();
    for (const r of rows) {
      const k = partyLinkKey(r.dataset, r.shipment_id);
      const m = out.get(k) ?? new Map<string, EntityId>();
      m.set(r.role, r.entity_id as EntityId);
      out.set(k, m);
    }
    return out;
  }

  async setPartyEntities(links: readonly PartyLink[]): Promise<void> {
    const ex = this.#ex;
    await ex.transaction(async (tx) => {
      for (const l of links) {
        await tx.run(
          tx.db
            .deleteFrom('party_links')
            .where('dataset', '=', l.dataset)
            .where('shipment_id', '=', l.shipmentId)
            .where('role', '=', l.role),
        );
      }
      await tx.insertMany(
        'party_links',
        links
          .filter((l) => l.entityId != null)
          .map((l) => ({
            dataset: l.dataset,
            shipment_id: l.shipmentId,
            role: l.role,
            entity_id: l.entityId,
          })),
      );
    });
  }

  async *iterateTradeStats(filter: TradeStatFilter & IterateOptions = {}): AsyncIterable<StoredTradeStat> {
    // biome-ignore lint/suspicious/noExplicitAny: see #pages
    const where = (q: any) => {
      let r = q;
      if (filter.reporterRegion) r = r.where('reporter_region', '=', filter.reporterRegion);
      if (filter.partnerCountry) r = r.where('partner_country', '=', filter.partnerCountry);
      if (filter.fromMonth) r = r.where('month', '>=', filter.fromMonth);
      if (filter.toMonth) r = r.where('month', '<=', filter.toMonth);
      if (filter.flow) r = r.where('flow', '=', filter.flow);
      return r;
    };
    for await (const rows of this.#pages('trade_stats', filter, where))
      for (const r of rows) yield tradeStatFromRow(r);
  }

  // ── judgements and resolution ───────────────────────────────────────────

  async addJudgement(j: Judgement): Promise<void> {
    const base = { kind: j.kind, verdict: j.verdict, who: j.who, at: j.at, why: j.why };
    const values =
      j.kind === 'match'
        ? { ...base, a: j.a, b: j.b, finding_key: null }
        : { ...base, a: null, b: null, finding_key: j.findingKey };
    await this.#ex.run(this.#ex.db.insertInto('judgements').values(values));
  }

  async listJudgements(kind?: Judgement['kind']): Promise<Judgement[]> {
    let q = this.#ex.db.selectFrom('judgements').selectAll().orderBy('seq');
    if (kind) q = q.where('kind', '=', kind);
    return (await this.#ex.all(q)).map(
      (r): Judgement =>
        r.kind === 'match'
          ? {
              kind: 'match',
              a: r.a as EntityId,
              b: r.b as EntityId,
              verdict: r.verdict as 'same' | 'not-same' | 'unsure',
              who: r.who,
              at: r.at,
              why: r.why,
            }
          : {
              kind: 'finding',
              findingKey: r.finding_key as string,
              verdict: r.verdict as 'confirmed' | 'false-positive',
              who: r.who,
              at: r.at,
              why: r.why,
            },
    );
  }

  async replaceResolution(clusters: ReadonlyMap<EntityId, EntityId>): Promise<void> {
    await this.#ex.transaction(async (tx) => {
      await tx.run(tx.db.deleteFrom('resolution'));
      await tx.insertMany(
        'resolution',
        [...clusters].map(([entity_id, canonical_id]) => ({ entity_id, canonical_id })),
      );
    });
  }

  async getResolution(): Promise<Map<EntityId, EntityId>> {
    const rows = await this.#ex.all(this.#ex.db.selectFrom('resolution').selectAll());
    return new Map(rows.map((r) => [r.entity_id as EntityId, r.canonical_id as EntityId]));
  }

  // ── screening runs ────────────────────────────────────────────────────────

  async saveScreenRun(run: ScreenRunInput): Promise<number> {
    return this.#ex.transaction(async (tx) => {
      const [row] = await tx.all(
        tx.db
          .insertInto('screen_runs')
          .values({
            kind: run.kind,
            policy_hash: run.policyHash,
            started_at: run.startedAt,
            findings: run.findings.length,
          })
          .returning('id'),
      );
      const id = Number(row?.id);
      await tx.insertMany(
        'findings',
        run.findings.map((f) => ({
          run_id: id,
          item_key: f.itemKey,
          finding_key: f.findingKey,
          type: f.type,
          severity: f.severity,
          score: f.score,
          body: JSON.stringify(f.body),
        })),
      );
      return id;
    });
  }

  async latestScreenRun(kind: string, beforeId?: number): Promise<ScreenRunSummary | null> {
    let q = this.#ex.db
      .selectFrom('screen_runs')
      .selectAll()
      .where('kind', '=', kind)
      .orderBy('id', 'desc')
      .limit(1);
    if (beforeId != null) q = q.where('id', '<', beforeId);
    const [r] = await this.#ex.all(q);
    return r
      ? {
          id: Number(r.id),
          kind: r.kind,
          policyHash: r.policy_hash,
          startedAt: r.started_at,
          findings: Number(r.findings),
        }
      : null;
  }

  async findingsOfRun(runId: number): Promise<StoredFinding[]> {
    const rows = await this.#ex.all(
      this.#ex.db.selectFrom('findings').selectAll().where('run_id', '=', runId).orderBy('seq'),
    );
    return rows.map((r) => ({
      itemKey: r.item_key,
      findingKey: r.finding_key,
      type: r.type,
      severity: r.severity,
      score: Number(r.score),
      body: JSON.parse(r.body),
    }));
  }
}
