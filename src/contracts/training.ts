/** The training contracts, by sub-feature (src/contracts/training/): importers keep importing this file. */
export * from './training/catalogue.ts';
export * from './training/classes.ts';
export * from './training/compliance.ts';
export * from './training/issues.ts';
export * from './training/requests.ts';
export * from './training/results.ts';
