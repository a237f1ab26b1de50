import type { Kysely } from 'kysely';

// The talent registry: talents with their lists, the structure summary, key-talent rule sets,
// transfers, duplicate dismissals, self-service submissions, and import jobs.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('talents')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'varchar(32)', (c) => c.notNull())
    // Keyed hash of the normalized ID number: uniqueness and lookups without decrypting.
    .addColumn('id_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('id_enc', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'varchar(18)', (c) => c.notNull())
    .addColumn('sex', 'varchar(1)', (c) => c.notNull())
    .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('ethnicity', 'varchar(2)', (c) => c.notNull())
    .addColumn('native_place', 'varchar(12)')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_masked', 'varchar(20)')
    .addColumn('party_member', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('urban_rural', 'varchar(5)')
    // Bit masks over the code lists in domain/talents/code-lists.ts (append-only lists).
    .addColumn('categories', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fields', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('roles', 'integer', (c) => c.notNull().defaultTo(0))
    // 0 none, 1 助理, 2 社会工作师, 3 高级: the highest certificate, kept on every write.
    .addColumn('tier', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('education_level', 'varchar(16)')
    .addColumn('sw_graduate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title_level', 'varchar(20)', (c) => c.notNull().defaultTo('none'))
    .addColumn('title_name', 'varchar(32)', (c) => c.notNull().defaultTo(''))
    .addColumn('teaching_subject', 'varchar(16)', (c) => c.notNull().defaultTo('none'))
    .addColumn('employer', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('post', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('professional_post', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('employment_start', 'varchar(10)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('active'))
    .addColumn('is_key', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('key_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('key_since', 'varchar(10)')
    // Continuing education of the current registration period (independent of "today").
    .addColumn('ce_period_start', 'varchar(10)')
    .addColumn('rereg_due', 'varchar(10)')
    .addColumn('ce_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ce_hours', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // Lists in a subtree ordered by place then name; duplicate suspects (same name + birth date + region).
  await db.schema.createIndex('talents_region_idx').on('talents').columns(['region_code', 'name', 'birth_date']).execute();
  // Tier filter inside a subtree, with the field mask in the index so counts need no table lookups.
  await db.schema.createIndex('talents_tier_idx').on('talents').columns(['tier', 'region_code', 'fields']).execute();
  await db.schema.createIndex('talents_name_idx').on('talents').columns(['name', 'region_code']).execute();
  await db.schema.createIndex('talents_key_idx').on('talents').columns(['is_key', 'region_code', 'key_since']).execute();
  await db.schema.createIndex('talents_rereg_idx').on('talents').columns(['rereg_due', 'region_code']).execute();

  const child = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('talent_id', 'varchar(36)', (c) => c.notNull().references('talents.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0));

  await child('talent_certificates')
    .addColumn('level', 'varchar(16)', (c) => c.notNull())
    .addColumn('certificate_no', 'varchar(40)', (c) => c.notNull())
    .addColumn('obtained_year', 'integer', (c) => c.notNull())
    .addColumn('registered_on', 'varchar(10)')
    .addColumn('reregistered_on', 'varchar(10)')
    .execute();
  await db.schema.createIndex('talent_certificates_talent_idx').on('talent_certificates').column('talent_id').execute();
  await db.schema.createIndex('talent_certificates_no_idx').on('talent_certificates').column('certificate_no').execute();

  await child('talent_educations')
    .addColumn('level', 'varchar(16)', (c) => c.notNull())
    .addColumn('school', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('major_class', 'varchar(16)', (c) => c.notNull())
    .addColumn('major', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('graduation_year', 'integer')
    .addColumn('degree', 'varchar(16)', (c) => c.notNull().defaultTo('none'))
    .execute();
  await db.schema.createIndex('talent_educations_talent_idx').on('talent_educations').column('talent_id').execute();

  await child('talent_employments')
    .addColumn('employer', 'varchar(100)', (c) => c.notNull())
    .addColumn('post', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('professional_post', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('start_date', 'varchar(10)')
    .addColumn('end_date', 'varchar(10)')
    .execute();
  await db.schema.createIndex('talent_employments_talent_idx').on('talent_employments').column('talent_id').execute();

  await child('talent_trainings')
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('organizer', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('talent_trainings_talent_idx').on('talent_trainings').column('talent_id').execute();

  await child('talent_honours')
    .addColumn('level', 'varchar(16)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('talent_honours_talent_idx').on('talent_honours').column('talent_id').execute();

  await child('talent_dispatches')
    .addColumn('program', 'varchar(16)', (c) => c.notNull())
    .addColumn('from_region', 'varchar(12)')
    .addColumn('to_region', 'varchar(12)')
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)')
    .execute();
  await db.schema.createIndex('talent_dispatches_talent_idx').on('talent_dispatches').column('talent_id').execute();

  // Structure summary: for the talent's region and each ancestor, active talents per (dimension,
  // bucket). Kept in the write's transaction; analytics read a few hundred rows, never 2 million.
  await db.schema
    .createTable('talent_stats')
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('dim', 'varchar(16)', (c) => c.notNull())
    .addColumn('bucket', 'varchar(20)', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('talent_stats_pk', ['region_code', 'dim', 'bucket'])
    .execute();

  await db.schema
    .createTable('key_rule_sets')
    .addColumn('province_code', 'varchar(12)', (c) => c.primaryKey())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)')
    .execute();

  await db.schema
    .createTable('talent_transfers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('talent_id', 'varchar(36)', (c) => c.notNull().references('talents.id').onDelete('cascade'))
    .addColumn('talent_name', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_region', 'varchar(12)', (c) => c.notNull())
    .addColumn('to_region', 'varchar(12)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('requested_by', 'varchar(36)')
    .addColumn('requested_by_name', 'varchar(64)')
    .addColumn('requested_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('decided_by_name', 'varchar(64)')
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('decision_note', 'varchar(200)')
    .execute();
  await db.schema.createIndex('talent_transfers_from_idx').on('talent_transfers').columns(['from_region', 'status']).execute();
  await db.schema.createIndex('talent_transfers_to_idx').on('talent_transfers').columns(['to_region', 'status']).execute();
  await db.schema.createIndex('talent_transfers_talent_idx').on('talent_transfers').column('talent_id').execute();

  await db.schema
    .createTable('talent_duplicate_dismissals')
    .addColumn('a_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('b_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('dismissed_by', 'varchar(64)')
    .addColumn('dismissed_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('talent_duplicate_dismissals_pk', ['a_id', 'b_id'])
    .execute();

  await db.schema
    .createTable('talent_submissions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('talent_id', 'varchar(36)', (c) => c.notNull().references('talents.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('decided_by_name', 'varchar(64)')
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('decision_note', 'varchar(200)')
    .execute();
  await db.schema.createIndex('talent_submissions_region_idx').on('talent_submissions').columns(['region_code', 'status']).execute();
  await db.schema.createIndex('talent_submissions_talent_idx').on('talent_submissions').column('talent_id').execute();

  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('scope_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_rows', 'integer')
    .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('update_existing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_jobs_user_idx').on('import_jobs').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'import_jobs',
    'talent_submissions',
    'talent_duplicate_dismissals',
    'talent_transfers',
    'key_rule_sets',
    'talent_stats',
    'talent_dispatches',
    'talent_honours',
    'talent_trainings',
    'talent_employments',
    'talent_educations',
    'talent_certificates',
    'talents',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
