import { z } from 'zod';
import {
  courseTypeQuery,
  courseTypeView,
  createCourseTypeBody,
  providerView,
} from '../../../contracts/training.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as catalogue from './catalogue.service.ts';

const tags = ['Đào tạo'];

export const catalogueRoutes: ModuleRoutes = (app, deps) => {
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
};
