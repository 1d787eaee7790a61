import { z } from 'zod';
import { createTrainerBody, trainerQuery, trainerView } from '../../../contracts/training.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as trainers from './trainers.service.ts';

const tags = ['Đào tạo'];

export const trainerRoutes: ModuleRoutes = (app, deps) => {
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
};
