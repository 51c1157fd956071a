import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  sql,
} from 'kysely';

/**
 * One set of migrations for both backends. The only dialect difference is the auto-increment
 * key: SQLite's `integer primary key` is the rowid alias (assigned automatically, no
 * AUTOINCREMENT bookkeeping); PostgreSQL needs `serial`.
 */
function migrations(pg: boolean): Record<string, Migration> {
  return {
    '0001-initial': {
      async up(db: Kysely<unknown>) {
        const auto = (b: ColumnDefinitionBuilder) => b.primaryKey();
        const autoType = pg ? 'serial' : 'integer';
        await db.schema
          .createTable('datasets')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('publisher', 'text')
          .addColumn('url', 'text')
          .addColumn('licence', 'text')
          .addColumn('published_at', 'text')
          .addColumn('version', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('imports')
          .addColumn('id', autoType, auto)
          .addColumn('dataset', 'text', (c) => c.notNull())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('files', 'text', (c) => c.notNull())
          .addColumn('started_at', 'text', (c) => c.notNull())
          .addColumn('finished_at', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('base_import', 'integer', (c) => c.notNull())
          .addColumn('records', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('added', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('changed', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.createIndex('imports_dataset').on('imports').columns(['dataset', 'id']).execute();
        await db.schema
          .createTable('records')
          .addColumn('id', autoType, auto)
          .addColumn('dataset', 'text', (c) => c.notNull())
          .addColumn('record_key', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('source_file', 'text', (c) => c.notNull())
          .addColumn('line', 'integer')
          .addColumn('first_import', 'integer', (c) => c.notNull())
          .addColumn('changed_import', 'integer', (c) => c.notNull())
          .addColumn('last_import', 'integer', (c) => c.notNull())
          .addColumn('removed_at', 'text')
          .addColumn('removed_import', 'integer')
          .execute();
        await db.schema
          .createIndex('records_key')
          .unique()
          .on('records')
          .columns(['dataset', 'record_key'])
          .execute();
        // No index on last_import: only an import's finish scans by it, once, while every row
        // written would pay for the index.

        const factTable = (name: string) =>
          db.schema
            .createTable(name)
            .addColumn('rec_id', 'integer', (c) => c.notNull())
            .addColumn('ord', 'integer', (c) => c.notNull())
            .addColumn('dataset', 'text', (c) => c.notNull())
            .addColumn('record_key', 'text', (c) => c.notNull())
            .addColumn('source_file', 'text', (c) => c.notNull())
            .addColumn('line', 'integer')
            .addColumn('import_id', 'integer', (c) => c.notNull())
            .addColumn('removed_at', 'text');
        // Clustered by (rec_id, ord): SQLite stores the table in its primary-key B-tree.
        const clustered = (name: string, t: CreateTableBuilder<string, string>) => {
          const keyed = t.addPrimaryKeyConstraint(`${name}_pk`, ['rec_id', 'ord']);
          return pg ? keyed : keyed.modifyEnd(sql`without rowid`);
        };

        await clustered(
          'entities',
          factTable('entities')
            .addColumn('entity_id', 'text', (c) => c.notNull())
            .addColumn('schema', 'text', (c) => c.notNull())
            .addColumn('props', 'text', (c) => c.notNull()),
        ).execute();
        const keys = db.schema
          .createTable('entity_keys')
          .addColumn('folded', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('prop', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('entity_keys_pk', ['folded', 'entity_id', 'prop']);
        await (pg ? keys : keys.modifyEnd(sql`without rowid`)).execute();
        await clustered(
          'relationships',
          factTable('relationships')
            .addColumn('id', 'text', (c) => c.notNull())
            .addColumn('kind', 'text', (c) => c.notNull())
            .addColumn('schema', 'text', (c) => c.notNull())
            .addColumn('source_id', 'text', (c) => c.notNull())
            .addColumn('target_id', 'text', (c) => c.notNull())
            .addColumn('percentage', 'double precision')
            .addColumn('role', 'text')
            .addColumn('start_date', 'text')
            .addColumn('end_date', 'text'),
        ).execute();
        await clustered(
          'memberships',
          factTable('memberships')
            .addColumn('id', 'text', (c) => c.notNull())
            .addColumn('entity_id', 'text', (c) => c.notNull())
            .addColumn('list', 'text', (c) => c.notNull())
            .addColumn('program', 'text')
            .addColumn('effective_date', 'text')
            .addColumn('end_date', 'text')
            .addColumn('scope', 'text')
            .addColumn('raw_text', 'text', (c) => c.notNull()),
        ).execute();
        await clustered(
          'shipments',
          factTable('shipments')
            .addColumn('id', 'text', (c) => c.notNull())
            .addColumn('arrival_date', 'text')
            .addColumn('origin_country', 'text')
            .addColumn('parties', 'text', (c) => c.notNull())
            .addColumn('port_lading', 'text')
            .addColumn('port_unlading', 'text')
            .addColumn('lines', 'text', (c) => c.notNull())
            .addColumn('raw', 'text', (c) => c.notNull()),
        ).execute();
        await clustered(
          'trade_stats',
          factTable('trade_stats')
            .addColumn('reporter_region', 'text', (c) => c.notNull())
            .addColumn('partner_country', 'text', (c) => c.notNull())
            .addColumn('month', 'text', (c) => c.notNull())
            .addColumn('hs_code', 'text', (c) => c.notNull())
            .addColumn('value_usd', 'double precision')
            .addColumn('quantity', 'double precision')
            .addColumn('quantity_unit', 'text')
            .addColumn('flow', 'text', (c) => c.notNull())
            .addColumn('raw', 'text'),
        ).execute();
        // Secondary indexes only where a read needs one; each costs a B-tree insert per row.
        await db.schema.createIndex('entities_entity').on('entities').column('entity_id').execute();
        await db.schema.createIndex('memberships_entity').on('memberships').column('entity_id').execute();
        await db.schema.createIndex('shipments_id').on('shipments').column('id').execute();

        await db.schema
          .createTable('party_links')
          .addColumn('dataset', 'text', (c) => c.notNull())
          .addColumn('shipment_id', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('party_links_pk', ['dataset', 'shipment_id', 'role'])
          .execute();
        await db.schema
          .createTable('judgements')
          .addColumn('seq', autoType, auto)
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('a', 'text')
          .addColumn('b', 'text')
          .addColumn('finding_key', 'text')
          .addColumn('verdict', 'text', (c) => c.notNull())
          .addColumn('who', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('why', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('resolution')
          .addColumn('entity_id', 'text', (c) => c.primaryKey())
          .addColumn('canonical_id', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('screen_runs')
          .addColumn('id', autoType, auto)
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('policy_hash', 'text', (c) => c.notNull())
          .addColumn('started_at', 'text', (c) => c.notNull())
          .addColumn('findings', 'integer', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('findings')
          .addColumn('seq', autoType, auto)
          .addColumn('run_id', 'integer', (c) => c.notNull())
          .addColumn('item_key', 'text', (c) => c.notNull())
          .addColumn('finding_key', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('severity', 'text', (c) => c.notNull())
          .addColumn('score', 'double precision', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('findings_run').on('findings').column('run_id').execute();
      },
    },
    '0002-drop-unread-columns': {
      // Written on every import and read by nothing: a record's latest file and line (its
      // facts keep where their content was read) and each fact row's import id (the record
      // has first/changed/last import). Bulk imports write three columns fewer per bill.
      async up(db: Kysely<unknown>) {
        for (const c of ['source_file', 'line'])
          await db.schema.alterTable('records').dropColumn(c).execute();
        for (const t of ['entities', 'relationships', 'memberships', 'shipments', 'trade_stats']) {
          await db.schema.alterTable(t).dropColumn('import_id').execute();
        }
      },
    },
    '0003-import-error': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('imports').addColumn('error', 'text').execute();
      },
    },
  };
}

class CodeMigrations implements MigrationProvider {
  readonly #pg: boolean;
  constructor(pg: boolean) {
    this.#pg = pg;
  }
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.#pg);
  }
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>, pg: boolean, schema?: string): Promise<void> {
  // With a PostgreSQL schema, Kysely must be told: its bookkeeping tables are looked up by
  // name across all schemas otherwise, and another store's tables would be taken for ours.
  const migrator = new Migrator({
    db,
    provider: new CodeMigrations(pg),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
