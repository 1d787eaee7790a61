import {
  createDonorBody,
  deferralReasonList,
  donationList,
  donationView,
  donorListQuery,
  donorPage,
  donorView,
  eligibilityQuery,
  eligibilityView,
  recordDonationBody,
  updateDonorBody,
} from '../../../contracts/blood/donors.ts';
import { idParam } from '../../../contracts/common.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as donations from './donations.service.ts';
import * as donors from './donors.service.ts';

const tags = ['Hiến máu – người hiến'];

/** Donors, their eligibility and their donation attempts. Health fields answer null without blood.health. */
export const donorRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/blood/donors',
    {
      schema: {
        tags,
        summary:
          'Donors kept by the caller’s organisations (purpose blood): search without diacritics or by donor number; filter by group/Rh/rare (only donors whose health data the caller may read), eligible today, member of an organisation',
        querystring: donorListQuery,
        response: { 200: donorPage },
      },
    },
    (req) => donors.listDonors(ctxOf(req, deps), req.query),
  );

  app.post(
    '/api/blood/donors',
    {
      schema: {
        tags,
        summary:
          'Add a donor: an existing person in scope (personId) or a new one under the people identity rules; kept by keeperOrgId with purpose blood; numbered HM-<year>-<n>',
        body: createDonorBody,
        response: { 201: donorView },
      },
    },
    async (req, reply) => reply.status(201).send(await donors.createDonor(ctxOf(req, deps), req.body)),
  );

  app.get(
    '/api/blood/donors/:id',
    {
      schema: {
        tags,
        summary: 'A donor’s profile (health fields null without blood.health)',
        params: idParam,
        response: { 200: donorView },
      },
    },
    (req) => donors.getDonor(ctxOf(req, deps), req.params.id),
  );

  app.put(
    '/api/blood/donors/:id',
    {
      schema: {
        tags,
        summary: 'Edit a donor’s profile (health fields need blood.health; never logged, only their names)',
        params: idParam,
        body: updateDonorBody,
        response: { 200: donorView },
      },
    },
    (req) => donors.updateDonor(ctxOf(req, deps), req.params.id, req.body),
  );

  app.get(
    '/api/blood/donors/:id/eligibility',
    {
      schema: {
        tags,
        summary:
          'Whether the donor may give today (the rules in force today), the next eligible date, refusals in words',
        params: idParam,
        querystring: eligibilityQuery,
        response: { 200: eligibilityView },
      },
    },
    (req) => donors.donorEligibility(ctxOf(req, deps), req.params.id, req.query.kind),
  );

  app.get(
    '/api/blood/donors/:id/donations',
    {
      schema: {
        tags,
        summary:
          'A donor’s donation attempts, newest first (deferral reasons only with blood.health; each such read audited)',
        params: idParam,
        response: { 200: donationList },
      },
    },
    (req) => donations.listDonations(ctxOf(req, deps), req.params.id),
  );

  app.post(
    '/api/blood/donations',
    {
      schema: {
        tags,
        summary:
          'Record a donation attempt (donated / deferred / adverse event); a donation the rules refuse that day is a 409 with the refusals in words; volume capped by weight',
        body: recordDonationBody,
        response: { 201: donationView },
      },
    },
    async (req, reply) => reply.status(201).send(await donations.recordDonation(ctxOf(req, deps), req.body)),
  );

  app.get(
    '/api/blood/deferral-reasons',
    {
      schema: {
        tags,
        summary: 'Deferral reasons (temporary with days, or permanent)',
        response: { 200: deferralReasonList },
      },
    },
    (req) => donations.listDeferralReasons(ctxOf(req, deps)),
  );
};
