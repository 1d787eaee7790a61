/**
 * Every contract field issue, enumerable: the error handler turns a zod message that is one of these codes
 * into `{ code, params, message: its Vietnamese text }`; the vocabulary test checks each has a Vietnamese
 * and an English text on the web (`fieldIssues.<code>`).
 */
import { adminUnitIssues } from './admin-units.ts';
import { authIssues } from './auth.ts';
import { clubsIssues } from './blood/clubs-issues.ts';
import { bloodIssues } from './blood/common.ts';
import { certificateIssues } from './certificates.ts';
import { commonIssues, type FieldIssueCatalogue } from './common.ts';
import { orgIssues } from './orgs.ts';
import { peopleIssues } from './people.ts';
import { planIssues } from './plans/issues.ts';
import { trainingIssues } from './training/issues.ts';
import { userIssues } from './users.ts';
import { volunteerIssues } from './volunteers/common.ts';
import { deploymentIssues } from './volunteers/deployment.ts';

export const fieldIssueCatalogues: FieldIssueCatalogue[] = [
  commonIssues.catalogue,
  adminUnitIssues.catalogue,
  authIssues.catalogue,
  bloodIssues.catalogue,
  certificateIssues.catalogue,
  clubsIssues.catalogue,
  orgIssues.catalogue,
  peopleIssues.catalogue,
  planIssues.catalogue,
  trainingIssues.catalogue,
  userIssues.catalogue,
  volunteerIssues.catalogue,
  deploymentIssues.catalogue,
];

/** Code (`plans.indicator_code_duplicate`) → Vietnamese text. */
export const fieldIssueTexts: ReadonlyMap<string, string> = new Map(
  fieldIssueCatalogues.flatMap((c) =>
    Object.entries(c.texts).map(([key, text]) => [`${c.namespace}.${key}`, text] as const),
  ),
);
