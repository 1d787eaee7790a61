import { z } from 'zod';
import { idParam, okBody } from '../../../contracts/common.ts';
import {
  cancelAssignmentBody,
  commitAssignmentsBody,
  commitAssignmentsResult,
  endAssignmentBody,
  incidentBody,
  incidentView,
  waveAssignmentsView,
} from '../../../contracts/volunteers/deployment.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as manage from './assignments.manage.service.ts';
import { commitAssignments } from './assignments.service.ts';

const tags = ['Đợt huy động'];

export const assignmentRoutes: ModuleRoutes = (app, deps) => {
  app.post(
    '/api/waves/:id/assignments',
    {
      schema: {
        tags,
        summary:
          'Deploy proposed members (all or nothing; 409 deployment.overlap naming each colliding item unless override.reason)',
        params: idParam,
        body: commitAssignmentsBody,
        response: { 200: commitAssignmentsResult },
      },
    },
    (req) => commitAssignments(ctxOf(req, deps), req.params.id, req.body),
  );
  app.get(
    '/api/waves/:id/assignments',
    {
      schema: {
        tags,
        summary:
          "A wave's assignments (issuer: all; institution: its own volunteers) and members ready to deploy",
        params: idParam,
        response: { 200: waveAssignmentsView },
      },
    },
    (req) => manage.listWaveAssignments(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/assignments/:id/end',
    {
      schema: {
        tags,
        summary: 'End an assignment (returned or ended early): the range shrinks, the profile is returned',
        params: idParam,
        body: endAssignmentBody,
        response: { 200: okBody },
      },
    },
    (req) => manage.endAssignment(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/assignments/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an assignment made by mistake (the member is proposed again)',
        params: idParam,
        body: cancelAssignmentBody,
        response: { 200: okBody },
      },
    },
    (req) => manage.cancelAssignment(ctxOf(req, deps), req.params.id, req.body.reason),
  );
  app.post(
    '/api/assignments/:id/incidents',
    {
      schema: {
        tags,
        summary: 'Record an incident during a deployment',
        params: idParam,
        body: incidentBody,
        response: { 200: incidentView },
      },
    },
    (req) => manage.recordIncident(ctxOf(req, deps), req.params.id, req.body),
  );
  app.get(
    '/api/assignments/:id/incidents',
    {
      schema: {
        tags,
        summary: "An assignment's incidents",
        params: idParam,
        response: { 200: z.array(incidentView) },
      },
    },
    (req) => manage.listIncidents(ctxOf(req, deps), req.params.id),
  );
};
