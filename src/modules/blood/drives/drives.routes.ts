import { z } from 'zod';
import {
  bookingCreated,
  bookingParams,
  bookingView,
  createDriveBody,
  driveListItem,
  driveQuery,
  driveView,
  establishmentQuery,
  establishmentView,
  funnelView,
  moveBookingBody,
  slotParams,
  staffBookingBody,
  updateDriveBody,
  updateSlotBody,
  waitlistBody,
  waitlistView,
} from '../../../contracts/blood/drives.ts';
import { idParam } from '../../../contracts/common.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { sendFile } from '../../../platform/http/files.ts';
import * as bookings from './bookings.service.ts';
import * as drives from './drives.service.ts';
import { getFunnel } from './funnel.service.ts';
import { driveReportFile } from './report.service.ts';

const tags = ['Hiến máu – điểm hiến'];

export const driveRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/blood/drives',
    {
      schema: {
        tags,
        summary: 'Blood drives in scope',
        querystring: driveQuery,
        response: { 200: z.array(driveListItem) },
      },
    },
    (req) => drives.listDrives(ctxOf(req, deps), req.query),
  );
  app.get(
    '/api/blood/establishments',
    {
      schema: {
        tags,
        summary:
          'Receiving blood establishments (health organisations of any tree, names only) by part of a name',
        querystring: establishmentQuery,
        response: { 200: z.array(establishmentView) },
      },
    },
    (req) => drives.listEstablishments(ctxOf(req, deps), req.query.q),
  );
  app.post(
    '/api/blood/drives',
    {
      schema: {
        tags,
        summary: 'Plan a blood drive (slots generated)',
        body: createDriveBody,
        response: { 201: driveView },
      },
    },
    async (req, reply) => reply.status(201).send(await drives.createDrive(ctxOf(req, deps), req.body)),
  );
  app.get(
    '/api/blood/drives/:id',
    {
      schema: {
        tags,
        summary: 'A blood drive with its slots',
        params: idParam,
        response: { 200: driveView },
      },
    },
    (req) => drives.getDrive(ctxOf(req, deps), req.params.id),
  );
  app.put(
    '/api/blood/drives/:id',
    {
      schema: {
        tags,
        summary: 'Edit a drive, change its status',
        params: idParam,
        body: updateDriveBody,
        response: { 200: driveView },
      },
    },
    (req) => drives.updateDrive(ctxOf(req, deps), req.params.id, req.body),
  );
  app.put(
    '/api/blood/drives/:id/slots/:slotId',
    {
      schema: {
        tags,
        summary: 'Set a slot’s capacity',
        params: slotParams,
        body: updateSlotBody,
        response: { 200: driveView },
      },
    },
    (req) => drives.updateSlot(ctxOf(req, deps), req.params.id, req.params.slotId, req.body.capacity),
  );
  app.get(
    '/api/blood/drives/:id/funnel',
    { schema: { tags, summary: 'The drive’s live funnel', params: idParam, response: { 200: funnelView } } },
    (req) => getFunnel(ctxOf(req, deps), req.params.id),
  );
  app.get(
    '/api/blood/drives/:id/bookings',
    {
      schema: {
        tags,
        summary: 'Bookings of a drive',
        params: idParam,
        response: { 200: z.array(bookingView) },
      },
    },
    (req) => bookings.listDriveBookings(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/blood/drives/:id/bookings',
    {
      schema: {
        tags,
        summary: 'Book a donor in a slot (staff)',
        params: idParam,
        body: staffBookingBody,
        response: { 201: bookingCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await bookings.staffBook(ctxOf(req, deps), req.params.id, req.body)),
  );
  app.post(
    '/api/blood/drives/:id/bookings/:bookingId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a booking (late within 24 h)',
        params: bookingParams,
        response: { 200: bookingView },
      },
    },
    (req) => bookings.staffCancel(ctxOf(req, deps), req.params.id, req.params.bookingId),
  );
  app.post(
    '/api/blood/drives/:id/bookings/:bookingId/move',
    {
      schema: {
        tags,
        summary: 'Move a booking to another slot',
        params: bookingParams,
        body: moveBookingBody,
        response: { 200: bookingView },
      },
    },
    (req) => bookings.staffMove(ctxOf(req, deps), req.params.id, req.params.bookingId, req.body.slotId),
  );
  app.post(
    '/api/blood/drives/:id/waitlist',
    {
      schema: {
        tags,
        summary: 'Put a donor on the waitlist',
        params: idParam,
        body: waitlistBody,
        response: { 201: waitlistView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await bookings.staffWaitlist(ctxOf(req, deps), req.params.id, req.body)),
  );
  for (const kind of ['xlsx', 'pdf'] as const)
    app.get(
      `/api/blood/drives/:id/report.${kind}`,
      {
        schema: {
          tags,
          summary: `The drive report (${kind.toUpperCase()}): funnel against the target, slots, donors`,
          params: idParam,
          produces: [TYPES[kind]],
          response: { 200: z.any().describe(`${kind.toUpperCase()} file`) },
        },
      },
      async (req, reply) => {
        const file = await driveReportFile(ctxOf(req, deps), req.params.id, kind);
        return sendFile(reply, file.body, TYPES[kind], file.name);
      },
    );
};

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
