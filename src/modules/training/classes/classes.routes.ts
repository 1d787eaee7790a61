import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import {
  classListItem,
  classPaymentBody,
  classQuery,
  classStatusBody,
  classView,
  createClassBody,
  setSessionsBody,
  setTrainersBody,
  updateClassBody,
} from '../../../contracts/training.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { setSessions, setTrainers } from './classes.schedule.service.ts';
import * as classes from './classes.service.ts';
import { recordPayment } from './payment.service.ts';

const tags = ['Đào tạo'];

export const classRoutes: ModuleRoutes = (app, deps) => {
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
    (req) => setSessions(ctxOf(req, deps), req.params.id, req.body),
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
    (req) => setTrainers(ctxOf(req, deps), req.params.id, req.body),
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
};
