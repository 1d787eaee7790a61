// Every table, for drizzle-kit and the typed query builder. Modules own their tables; this only gathers them.
export * from '../../modules/admin-units/admin-units.tables.ts';
export * from '../../modules/audit/audit.tables.ts';
export * from '../../modules/notifications/notifications.tables.ts';
export * from '../../modules/orgs/orgs.tables.ts';
export * from '../../modules/people/people.tables.ts';
export * from '../../modules/plans/plans.tables.ts';
export * from '../../modules/training/training.tables.ts';
export * from '../../modules/users/users.tables.ts';
