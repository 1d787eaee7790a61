import { z } from 'zod';
import {
  candidatesQuery,
  candidateView,
  decisionBody,
  honourListQuery,
  honourQuery,
  honourRuleBody,
  honourRuleList,
  honourRuleQuery,
  honourRuleView,
  honourView,
  proposeBody,
} from '../../../contracts/blood/clubs-honours.ts';
import { idParam } from '../../../contracts/common.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { sendFile } from '../../../platform/http/files.ts';
import * as honours from './honours.service.ts';

const tags = ['Hiến máu – câu lạc bộ'];

export const honourRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/blood/honour-rules',
    {
      schema: {
        tags,
        summary: 'Honour rules (for an organisation: those holding for it)',
        querystring: honourRuleQuery,
        response: { 200: honourRuleList },
      },
    },
    (req) => honours.listRules(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/blood/honour-rules',
    {
      schema: {
        tags,
        summary: 'Add an honour rule of an organisation',
        body: honourRuleBody,
        response: { 201: honourRuleView },
      },
    },
    async (req, reply) => reply.status(201).send(await honours.createRule(ctxOf(req, deps), req.body)),
  );
  app.get(
    '/api/blood/honours/candidates',
    {
      schema: {
        tags,
        summary: 'Donors or families who reached a threshold',
        querystring: candidatesQuery,
        response: { 200: z.array(candidateView) },
      },
    },
    (req) => honours.candidates(ctxOf(req, deps), req.query),
  );
  app.get(
    '/api/blood/honours',
    {
      schema: {
        tags,
        summary: 'Honours proposed and decided',
        querystring: honourQuery,
        response: { 200: z.array(honourView) },
      },
    },
    (req) => honours.listHonours(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/blood/honours',
    {
      schema: {
        tags,
        summary: 'Propose honours (all or nothing)',
        body: proposeBody,
        response: { 201: z.array(honourView) },
      },
    },
    async (req, reply) => reply.status(201).send(await honours.propose(ctxOf(req, deps), req.body)),
  );
  app.put(
    '/api/blood/honours/:id',
    {
      schema: {
        tags,
        summary: 'Decide an honour',
        params: idParam,
        body: decisionBody,
        response: { 200: honourView },
      },
    },
    (req) => honours.decide(ctxOf(req, deps), req.params.id, req.body),
  );
  app.get(
    '/api/blood/honours/list.pdf',
    {
      schema: {
        tags,
        summary: 'Printable honour list (PDF)',
        querystring: honourListQuery,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const f = await honours.honourListFile(ctxOf(req, deps), req.query);
      return sendFile(reply, f.body, 'application/pdf', f.name, { disposition: 'inline' });
    },
  );
  app.get(
    '/api/blood/honours/:id/certificate.pdf',
    { schema: { tags, summary: 'Honour certificate (PDF)', params: idParam, produces: ['application/pdf'] } },
    async (req, reply) => {
      const f = await honours.honourCertificateFile(ctxOf(req, deps), req.params.id);
      return sendFile(reply, f.body, 'application/pdf', f.name, { disposition: 'inline' });
    },
  );
};
