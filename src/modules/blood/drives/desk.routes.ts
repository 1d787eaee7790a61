import {
  bookingParams,
  bookingView,
  checkInBody,
  deskView,
  donationBody,
  screeningBody,
  screeningResult,
} from '../../../contracts/blood/drives.ts';
import { idParam } from '../../../contracts/common.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as desk from './desk.service.ts';

const tags = ['Hiến máu – điểm hiến'];

export const deskRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/blood/drives/:id/desk',
    {
      schema: {
        tags,
        summary: 'The check-in desk: expected, waiting, counts',
        params: idParam,
        response: { 200: deskView },
      },
    },
    (req) => desk.getDesk(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/blood/drives/:id/desk/check-in',
    {
      schema: {
        tags,
        summary: 'Check in: invitation token, booking, or walk-in',
        params: idParam,
        body: checkInBody,
        response: { 200: bookingView },
      },
    },
    (req) => desk.checkIn(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/blood/drives/:id/desk/bookings/:bookingId/screening',
    {
      schema: {
        tags,
        summary: 'Screening outcome (health data: blood.health)',
        params: bookingParams,
        body: screeningBody,
        response: { 200: screeningResult },
      },
    },
    (req) => desk.screen(ctxOf(req, deps), req.params.id, req.params.bookingId, req.body),
  );
  app.post(
    '/api/blood/drives/:id/desk/bookings/:bookingId/donation',
    {
      schema: {
        tags,
        summary: 'Record the donation (volume within the rules)',
        params: bookingParams,
        body: donationBody,
        response: { 200: bookingView },
      },
    },
    (req) => desk.recordDonation(ctxOf(req, deps), req.params.id, req.params.bookingId, req.body),
  );
  app.post(
    '/api/blood/drives/:id/desk/bookings/:bookingId/no-show',
    {
      schema: {
        tags,
        summary: 'Mark a no-show after the slot ended',
        params: bookingParams,
        response: { 200: bookingView },
      },
    },
    (req) => desk.markNoShow(ctxOf(req, deps), req.params.id, req.params.bookingId),
  );
};
