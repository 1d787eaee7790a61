import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import {
  attendanceBody,
  attendanceView,
  enrolmentView,
  resultsBody,
  sessionParams,
} from '../../../contracts/training.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as attendance from './attendance.service.ts';

const tags = ['Đào tạo'];

export const attendanceRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/training/classes/:id/sessions/:sessionId/attendance',
    {
      schema: {
        tags,
        summary: 'Attendance of a session',
        params: sessionParams,
        response: { 200: attendanceView },
      },
    },
    (req) => attendance.getAttendance(ctxOf(req, deps), req.params.id, req.params.sessionId),
  );
  app.put(
    '/api/training/classes/:id/sessions/:sessionId/attendance',
    {
      schema: {
        tags,
        summary: 'Record attendance of a session',
        params: sessionParams,
        body: attendanceBody,
        response: { 200: attendanceView },
      },
    },
    (req) => attendance.putAttendance(ctxOf(req, deps), req.params.id, req.params.sessionId, req.body),
  );
  app.put(
    '/api/training/classes/:id/results',
    {
      schema: {
        tags,
        summary: 'Record scores and outcomes',
        params: idParam,
        body: resultsBody,
        response: { 200: z.array(enrolmentView) },
      },
    },
    (req) => attendance.putResults(ctxOf(req, deps), req.params.id, req.body),
  );
};
