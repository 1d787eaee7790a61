import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import {
  provinceAsOf,
  provincesQuery,
  quotasBody,
  standDownBody,
  updateWaveBody,
  versionBody,
  waveBody,
  waveListItem,
  waveListQuery,
  waveStatusBody,
  waveView,
} from '../../../contracts/volunteers/waves.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as waves from './waves.service.ts';

const tags = ['Đợt huy động'];
const one = { params: idParam, response: { 200: waveView } };

export const waveRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/waves',
    {
      schema: {
        tags,
        summary: 'Mobilisation waves the caller sees',
        querystring: waveListQuery,
        response: { 200: z.array(waveListItem) },
      },
    },
    (req) => waves.listWaves(ctxOf(req, deps), req.query),
  );
  app.get(
    '/api/waves/provinces',
    {
      schema: {
        tags,
        summary: 'Provinces as of a date (pre-2025 list before 1/7/2025)',
        querystring: provincesQuery,
        response: { 200: z.array(provinceAsOf) },
      },
    },
    (req) => waves.listProvincesAsOf(ctxOf(req, deps), req.query.date),
  );
  app.get(
    '/api/waves/:id',
    { schema: { tags, summary: 'One wave (an institution sees only its own quota)', ...one } },
    (req) => waves.getWave(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/waves',
    { schema: { tags, summary: 'Create a wave (draft)', body: waveBody, response: { 201: waveView } } },
    async (req, reply) => reply.status(201).send(await waves.createWave(ctxOf(req, deps), req.body)),
  );
  app.put(
    '/api/waves/:id',
    { schema: { tags, summary: 'Edit a draft wave', body: updateWaveBody, ...one } },
    (req) => waves.updateWave(ctxOf(req, deps), req.params.id, req.body),
  );
  app.put(
    '/api/waves/:id/quotas',
    { schema: { tags, summary: 'Set the institutions’ quotas (also once open)', body: quotasBody, ...one } },
    (req) => waves.setQuotas(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/waves/:id/open',
    { schema: { tags, summary: 'Open a wave: the institutions are asked', body: versionBody, ...one } },
    (req) => waves.changeStatus(ctxOf(req, deps), req.params.id, 'open', req.body.version),
  );
  app.post(
    '/api/waves/:id/status',
    { schema: { tags, summary: 'Mark a wave filled or deployed', body: waveStatusBody, ...one } },
    (req) => waves.changeStatus(ctxOf(req, deps), req.params.id, req.body.to, req.body.version),
  );
  app.post(
    '/api/waves/:id/close',
    { schema: { tags, summary: 'Close a deployed wave', body: versionBody, ...one } },
    (req) => waves.changeStatus(ctxOf(req, deps), req.params.id, 'closed', req.body.version),
  );
  app.post(
    '/api/waves/:id/stand-down',
    { schema: { tags, summary: 'Stand a wave down, with its reason', body: standDownBody, ...one } },
    (req) => waves.standDown(ctxOf(req, deps), req.params.id, req.body),
  );
};
