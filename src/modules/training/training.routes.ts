import { z } from 'zod';
import { idParam } from '../../contracts/common.ts';
import {
  attendanceBody,
  attendanceView,
  cancelEnrolmentResult,
  classListItem,
  classPaymentBody,
  classQuery,
  classStatusBody,
  classView,
  courseTypeQuery,
  courseTypeView,
  createClassBody,
  createCourseTypeBody,
  createRequestBody,
  createTrainerBody,
  decideRequestBody,
  enrolBody,
  enrolmentParams,
  enrolmentView,
  enrolResult,
  enterpriseComplianceQuery,
  enterpriseComplianceView,
  providerView,
  reachQuery,
  reachView,
  requestQuery,
  requestView,
  resultsBody,
  scheduleRequestBody,
  sessionParams,
  setSessionsBody,
  setTrainersBody,
  trainerQuery,
  trainerView,
  updateClassBody,
  workforceBody,
  workforceView,
} from '../../contracts/training.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import * as attendance from './attendance.service.ts';
import * as catalogue from './catalogue.service.ts';
import * as classes from './classes.service.ts';
import * as compliance from './compliance.service.ts';
import * as enrolment from './enrolment.service.ts';
import { recordPayment } from './payment.service.ts';
import * as requests from './requests.service.ts';
import * as trainers from './trainers.service.ts';
import * as workforce from './workforce.service.ts';

// Registers the training indicator sources with the reporting engine (plans), at import.

const tags = ['Đào tạo'];

export const trainingRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/training/course-types',
    {
      schema: {
        tags,
        summary: 'Course rules (legal source, dates in force) and visible custom courses',
        querystring: courseTypeQuery,
        response: { 200: z.array(courseTypeView) },
      },
    },
    (req) => catalogue.listCourseTypes(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/training/course-types',
    {
      schema: {
        tags,
        summary: 'Add a custom course owned by an organisation',
        body: createCourseTypeBody,
        response: { 201: courseTypeView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await catalogue.createCourseType(ctxOf(req, deps), req.body)),
  );

  app.get(
    '/api/training/providers',
    {
      schema: {
        tags,
        summary:
          'Organisations that run training, with the courses a request to each may name (any signed-in user)',
        response: { 200: z.array(providerView) },
      },
    },
    (req) => catalogue.listProviders(ctxOf(req, deps)),
  );
  app.get(
    '/api/training/trainers',
    {
      schema: {
        tags,
        summary: 'Trainers in scope',
        querystring: trainerQuery,
        response: { 200: z.array(trainerView) },
      },
    },
    (req) => trainers.listTrainers(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/training/trainers',
    {
      schema: {
        tags,
        summary: 'Register a trainer',
        body: createTrainerBody,
        response: { 201: trainerView },
      },
    },
    async (req, reply) => reply.status(201).send(await trainers.createTrainer(ctxOf(req, deps), req.body)),
  );

  app.get(
    '/api/training/requests',
    {
      schema: {
        tags,
        summary: 'Training requests sent or received',
        querystring: requestQuery,
        response: { 200: z.array(requestView) },
      },
    },
    (req) => requests.listRequests(ctxOf(req, deps), req.query),
  );
  app.get(
    '/api/training/requests/:id',
    { schema: { tags, summary: 'One training request', params: idParam, response: { 200: requestView } } },
    (req) => requests.getRequest(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/training/requests',
    {
      schema: {
        tags,
        summary: 'Request training from a provider',
        body: createRequestBody,
        response: { 201: requestView },
      },
    },
    async (req, reply) => reply.status(201).send(await requests.createRequest(ctxOf(req, deps), req.body)),
  );
  app.post(
    '/api/training/requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Accept or decline a request (provider)',
        params: idParam,
        body: decideRequestBody,
        response: { 200: requestView },
      },
    },
    (req) => requests.decideRequest(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/training/requests/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Turn a request into classes (provider)',
        params: idParam,
        body: scheduleRequestBody,
        response: { 200: requestView },
      },
    },
    (req) => requests.scheduleRequest(ctxOf(req, deps), req.params.id, req.body),
  );

  app.get(
    '/api/training/classes',
    {
      schema: {
        tags,
        summary: 'Classes in scope',
        querystring: classQuery,
        response: { 200: z.array(classListItem) },
      },
    },
    (req) => classes.listClasses(ctxOf(req, deps), req.query),
  );
  app.get(
    '/api/training/classes/:id',
    {
      schema: {
        tags,
        summary: 'A class with sessions, trainers, learners',
        params: idParam,
        response: { 200: classView },
      },
    },
    (req) => classes.getClass(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/training/classes',
    { schema: { tags, summary: 'Create a class', body: createClassBody, response: { 201: classView } } },
    async (req, reply) => reply.status(201).send(await classes.createClass(ctxOf(req, deps), req.body)),
  );
  app.put(
    '/api/training/classes/:id',
    {
      schema: {
        tags,
        summary: 'Edit a class',
        params: idParam,
        body: updateClassBody,
        response: { 200: classView },
      },
    },
    (req) => classes.updateClass(ctxOf(req, deps), req.params.id, req.body),
  );
  app.put(
    '/api/training/classes/:id/payment',
    {
      schema: {
        tags,
        summary:
          'Record the amount paid under the service agreement (also on a completed class; not on a cancelled one)',
        params: idParam,
        body: classPaymentBody,
        response: { 200: classView },
      },
    },
    (req) => recordPayment(ctxOf(req, deps), req.params.id, req.body),
  );
  app.put(
    '/api/training/classes/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Replace the class sessions',
        params: idParam,
        body: setSessionsBody,
        response: { 200: classView },
      },
    },
    (req) => classes.setSessions(ctxOf(req, deps), req.params.id, req.body),
  );
  app.put(
    '/api/training/classes/:id/trainers',
    {
      schema: {
        tags,
        summary: 'Assign the class trainers',
        params: idParam,
        body: setTrainersBody,
        response: { 200: classView },
      },
    },
    (req) => classes.setTrainers(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/training/classes/:id/status',
    {
      schema: {
        tags,
        summary: 'Open, start, complete or cancel a class',
        params: idParam,
        body: classStatusBody,
        response: { 200: classView },
      },
    },
    (req) => classes.changeClassStatus(ctxOf(req, deps), req.params.id, req.body),
  );

  app.post(
    '/api/training/classes/:id/enrolments',
    {
      schema: {
        tags,
        summary: 'Enrol people (waitlist when full)',
        params: idParam,
        body: enrolBody,
        response: { 200: enrolResult },
      },
    },
    (req) => enrolment.enrolInClass(ctxOf(req, deps), req.params.id, req.body.personIds),
  );
  app.delete(
    '/api/training/classes/:id/enrolments/:personId',
    {
      schema: {
        tags,
        summary: 'Cancel a learner (promotes the first waitlisted)',
        params: enrolmentParams,
        response: { 200: cancelEnrolmentResult },
      },
    },
    (req) => enrolment.cancelEnrolment(ctxOf(req, deps), req.params.id, req.params.personId),
  );
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

  app.get(
    '/api/training/compliance/:id',
    {
      schema: {
        tags,
        summary: 'An enterprise: who must be (re)trained soon, first-aiders against TT 19/2016',
        params: idParam,
        querystring: enterpriseComplianceQuery,
        response: { 200: enterpriseComplianceView },
      },
    },
    (req) => compliance.enterpriseCompliance(ctxOf(req, deps), req.params.id, req.query),
  );
  app.get(
    '/api/training/reach/:id',
    {
      schema: {
        tags,
        summary: 'A provider’s month over its subtree: classes, learners, pass rate, revenue',
        params: idParam,
        querystring: reachQuery,
        response: { 200: reachView },
      },
    },
    (req) => compliance.providerReach(ctxOf(req, deps), req.params.id, req.query),
  );
  app.get(
    '/api/training/workforce/:id',
    {
      schema: {
        tags,
        summary: 'An enterprise’s declared headcounts (dated), newest first',
        params: idParam,
        response: { 200: z.array(workforceView) },
      },
    },
    (req) => workforce.listWorkforce(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/training/workforce',
    {
      schema: {
        tags,
        summary:
          'Declare an enterprise’s headcount on a date (TT 19/2016 first-aider rule); same day replaces',
        body: workforceBody,
        response: { 200: workforceView },
      },
    },
    (req) => workforce.recordWorkforce(ctxOf(req, deps), req.body),
  );
};
