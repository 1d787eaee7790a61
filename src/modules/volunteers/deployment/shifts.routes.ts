import { z } from 'zod';
import { idParam, okBody } from '../../../contracts/common.ts';
import {
  createShiftBody,
  hoursBody,
  signupBody,
  signupResult,
  waveShiftsView,
} from '../../../contracts/volunteers/deployment-shifts.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as check from './shifts.check.service.ts';
import * as shifts from './shifts.service.ts';

const tags = ['Đợt huy động'];

export const shiftRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/waves/:id/shifts',
    {
      schema: {
        tags,
        summary: "A wave's shifts with their booked counts and sign-ups (issuer: all; institution: its own)",
        params: idParam,
        response: { 200: waveShiftsView },
      },
    },
    (req) => shifts.listShifts(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/waves/:id/shifts',
    {
      schema: {
        tags,
        summary: 'Create a shift at a destination (times with offset; shown in Asia/Ho_Chi_Minh)',
        params: idParam,
        body: createShiftBody,
        response: { 200: z.object({ id: z.number().int() }) },
      },
    },
    (req) => shifts.createShift(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/shifts/:id/signups',
    {
      schema: {
        tags,
        summary:
          'Sign assignments up for a shift (all or nothing; capacity; 409 deployment.shift_overlap unless override)',
        params: idParam,
        body: signupBody,
        response: { 200: signupResult },
      },
    },
    (req) => shifts.signUp(ctxOf(req, deps), req.params.id, req.body),
  );
  for (const [path, run, summary] of [
    ['check-in', check.checkIn, 'Check in (officer, or the volunteer themself)'],
    ['check-out', check.checkOut, 'Check out: hours = out − in, capped at the shift'],
    ['approve-hours', check.approveHours, 'Approve the hours of a sign-up'],
  ] as const)
    app.post(
      `/api/shift-signups/:id/${path}`,
      { schema: { tags, summary, params: idParam, response: { 200: okBody } } },
      (req) => run(ctxOf(req, deps), req.params.id),
    );
  app.put(
    '/api/shift-signups/:id/hours',
    {
      schema: {
        tags,
        summary: "Set a sign-up's hours (forgotten check-out, correction): at most the shift's length",
        params: idParam,
        body: hoursBody,
        response: { 200: okBody },
      },
    },
    (req) => check.setHours(ctxOf(req, deps), req.params.id, req.body),
  );
};
