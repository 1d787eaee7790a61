/** The plans contracts, by sub-feature (src/contracts/plans/): importers keep importing this file. */
export * from './plans/activities.ts';
export * from './plans/dashboard.ts';
export * from './plans/indicators.ts';
export * from './plans/issues.ts';
export * from './plans/life-cycle.ts';
export * from './plans/recipients.ts';
export * from './plans/reports.ts';
