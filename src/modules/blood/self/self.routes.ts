import { z } from 'zod';
import { bookingCreated } from '../../../contracts/blood/drives.ts';
import {
  openDrive,
  questionnaireBody,
  selfBookingBody,
  selfBookingParams,
  selfMoveBody,
  selfView,
  selfWaitlistBody,
} from '../../../contracts/blood/self.ts';
import { idParam } from '../../../contracts/common.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { sendDonationCertificate } from '../donors/certificate.routes.ts';
import * as self from './self.service.ts';

const tags = ['Hiến máu – điểm hiến'];

export const donorSelfRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/me/blood',
    { schema: { tags, summary: 'My donations, next eligible date, bookings', response: { 200: selfView } } },
    (req) => self.getSelf(ctxOf(req, deps)),
  );
  app.get(
    '/api/me/blood/drives',
    {
      schema: {
        tags,
        summary: 'Open drives with free places per slot',
        response: { 200: z.array(openDrive) },
      },
    },
    (req) => self.listOpenDrives(ctxOf(req, deps)),
  );
  app.post(
    '/api/me/blood/bookings',
    {
      schema: {
        tags,
        summary: 'Book a slot for myself',
        body: selfBookingBody,
        response: { 201: bookingCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await self.bookSelf(ctxOf(req, deps), req.body)),
  );
  app.post(
    '/api/me/blood/bookings/:id/cancel',
    {
      schema: { tags, summary: 'Cancel my booking', params: selfBookingParams, response: { 200: selfView } },
    },
    (req) => self.cancelSelf(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/me/blood/bookings/:id/move',
    {
      schema: {
        tags,
        summary: 'Move my booking to another slot',
        params: selfBookingParams,
        body: selfMoveBody,
        response: { 200: selfView },
      },
    },
    (req) => self.moveSelf(ctxOf(req, deps), req.params.id, req.body.slotId),
  );
  app.put(
    '/api/me/blood/bookings/:id/questionnaire',
    {
      schema: {
        tags,
        summary: 'Answer the same-day health questionnaire',
        params: selfBookingParams,
        body: questionnaireBody,
        response: { 200: selfView },
      },
    },
    (req) => self.answerQuestionnaire(ctxOf(req, deps), req.params.id, req.body),
  );
  app.get(
    '/api/me/blood/donations/:id/certificate.pdf',
    {
      schema: {
        tags,
        summary: 'The certificate of one of my donations (giấy chứng nhận hiến máu), as PDF with its QR code',
        params: idParam,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF document') },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const c = await self.ownCertificate(ctx, req.params.id);
      return sendDonationCertificate(req, reply, deps.config, c, ctx.clock.now());
    },
  );
  app.post(
    '/api/me/blood/drives/:id/waitlist',
    {
      schema: {
        tags,
        summary: 'Join a full drive’s waitlist (or the next drive)',
        params: idParam,
        body: selfWaitlistBody,
        response: { 200: selfView },
      },
    },
    (req) => self.joinWaitlistSelf(ctxOf(req, deps), req.params.id, req.body.nextDrive),
  );
};
