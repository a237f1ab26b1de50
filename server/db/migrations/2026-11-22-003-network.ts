import type { Kysely } from 'kysely';

// The service network (阵地) and organisations: platforms of six kinds with their checklist, funding,
// staff links (to talents), photos; the per-province checklist item sets; agencies with staff links
// and pairings; community groups; and the network summary kept in each write's transaction.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('credit_code', 'varchar(18)', (c) => c.notNull().unique())
    // 1 when an administrator accepted a code whose check character is wrong (audited).
    .addColumn('credit_check_overridden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('registration_authority', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('registered_on', 'varchar(10)')
    .addColumn('legal_rep', 'varchar(32)', (c) => c.notNull().defaultTo(''))
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    // Bit mask over AGENCY_TAGS (行业性, 枢纽型, 品牌类).
    .addColumn('tags', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating', 'varchar(4)')
    .addColumn('rating_year', 'integer')
    .addColumn('party_org', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('party_org_on', 'varchar(10)')
    .addColumn('contact_phone', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    // Set by project evaluations (a 不合格 grade removes next year's eligibility).
    .addColumn('eligible', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('ineligible_year', 'integer')
    .addColumn('ineligible_reason', 'varchar(200)')
    .addColumn('status', 'varchar(12)', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agencies_region_idx').on('agencies').columns(['region_code', 'name']).execute();
  await db.schema.createIndex('agencies_name_idx').on('agencies').columns(['name', 'region_code']).execute();

  await db.schema
    .createTable('platforms')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('lng', 'real')
    .addColumn('lat', 'real')
    // domain/network/geo.ts#geoCell: a 0.1° grid cell, so "nearest" reads a few cells by index.
    .addColumn('geo_cell', 'integer')
    .addColumn('opened_on', 'varchar(10)')
    .addColumn('operating_mode', 'varchar(8)', (c) => c.notNull().defaultTo('self'))
    .addColumn('agency_id', 'varchar(36)', (c) => c.references('agencies.id'))
    .addColumn('floor_area', 'real')
    .addColumn('rooms_individual', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rooms_group', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rooms_activity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('equipment', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('construction_source', 'varchar(24)')
    // Bit mask over STATION_SERVICES (the default station service catalogue).
    .addColumn('services', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opening_hours', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_name', 'varchar(32)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    // Shown in the public finder (only PUBLIC_PLATFORM_FIELDS, never the contact person).
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('operating'))
    // Derived from platform_checks against the province's item set, kept on every write.
    .addColumn('checks_met', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('standard_met', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('demo_level', 'varchar(10)')
    .addColumn('demo_year', 'integer')
    .addColumn('honours', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('brand', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // Lists in a subtree; coverage of one unit ("does this township have an operating station").
  await db.schema.createIndex('platforms_region_idx').on('platforms').columns(['region_code', 'kind', 'status']).execute();
  // Coverage and counts by kind across a subtree.
  await db.schema.createIndex('platforms_kind_idx').on('platforms').columns(['kind', 'status', 'region_code']).execute();
  await db.schema.createIndex('platforms_agency_idx').on('platforms').column('agency_id').execute();
  // The public finder: per kind, a range of grid cells (domain/network/geo-ranges.ts).
  await db.schema.createIndex('platforms_geo_idx').on('platforms').columns(['kind', 'geo_cell', 'status', 'is_public']).execute();
  await db.schema.createIndex('platforms_name_idx').on('platforms').columns(['name', 'region_code']).execute();

  await db.schema
    .createTable('checklist_standards')
    .addColumn('province_code', 'varchar(12)', (c) => c.primaryKey())
    // [{ key, name, description }]: the items a platform must meet to be 规范化.
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)')
    .execute();

  await db.schema
    .createTable('platform_checks')
    .addColumn('platform_id', 'varchar(36)', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('item_key', 'varchar(24)', (c) => c.notNull())
    .addColumn('met', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('evidence', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('checked_on', 'varchar(10)')
    .addPrimaryKeyConstraint('platform_checks_pk', ['platform_id', 'item_key'])
    .execute();

  await db.schema
    .createTable('platform_funding')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('platform_id', 'varchar(36)', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(24)', (c) => c.notNull())
    // 分 (fen): money is never a float.
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('note', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('platform_funding_platform_idx').on('platform_funding').columns(['platform_id', 'year']).execute();

  for (const owner of ['platform', 'agency'] as const) {
    await db.schema
      .createTable(`${owner}_staff`)
      .addColumn(`${owner}_id`, 'varchar(36)', (c) =>
        c
          .notNull()
          .references(`${owner === 'platform' ? 'platforms' : 'agencies'}.id`)
          .onDelete('cascade'),
      )
      .addColumn('talent_id', 'varchar(36)', (c) => c.notNull().references('talents.id').onDelete('cascade'))
      .addColumn('post', 'varchar(64)', (c) => c.notNull().defaultTo(''))
      .addColumn('full_time', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('since', 'varchar(10)')
      .addPrimaryKeyConstraint(`${owner}_staff_pk`, [`${owner}_id`, 'talent_id'])
      .execute();
    await db.schema.createIndex(`${owner}_staff_talent_idx`).on(`${owner}_staff`).column('talent_id').execute();
  }

  await db.schema
    .createTable('platform_photos')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('platform_id', 'varchar(36)', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('mime', 'varchar(32)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('caption', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('platform_photos_platform_idx').on('platform_photos').column('platform_id').execute();

  await db.schema
    .createTable('agency_pairings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('mentor_id', 'varchar(36)', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('mentee_id', 'varchar(36)', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('program', 'varchar(16)', (c) => c.notNull())
    .addColumn('start_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_on', 'varchar(10)')
    .addColumn('results', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agency_pairings_mentor_idx').on('agency_pairings').column('mentor_id').execute();
  await db.schema.createIndex('agency_pairings_mentee_idx').on('agency_pairings').column('mentee_id').execute();

  await db.schema
    .createTable('community_groups')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('members', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('registration', 'varchar(10)', (c) => c.notNull())
    .addColumn('incubator_id', 'varchar(36)', (c) => c.references('platforms.id').onDelete('set null'))
    .addColumn('established_on', 'varchar(10)')
    .addColumn('contact_name', 'varchar(32)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('active'))
    .addColumn('note', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('community_groups_region_idx').on('community_groups').columns(['region_code', 'name']).execute();
  await db.schema.createIndex('community_groups_incubator_idx').on('community_groups').column('incubator_id').execute();

  // Summary for the country, provinces, cities and counties (domain/network/network-stats.ts):
  // covered units per kind, platforms per kind and status, standard ones, sources, demonstrations.
  await db.schema
    .createTable('network_stats')
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('dim', 'varchar(16)', (c) => c.notNull())
    .addColumn('bucket', 'varchar(40)', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_stats_pk', ['region_code', 'dim', 'bucket'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'network_stats',
    'community_groups',
    'agency_pairings',
    'platform_photos',
    'agency_staff',
    'platform_staff',
    'platform_funding',
    'platform_checks',
    'checklist_standards',
    'platforms',
    'agencies',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
