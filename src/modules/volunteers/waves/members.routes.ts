import { z } from 'zod';
import { idParam, okBody } from '../../../contracts/common.ts';
import {
  candidatesQuery,
  memberView,
  pledgeBody,
  proposeBody,
  proposeResult,
  topicGapsQuery,
  waveMemberParams,
  waveQuotaParams,
} from '../../../contracts/volunteers/waves.ts';
import {
  candidatePage,
  fillView,
  inboxItem,
  topicGapsView,
} from '../../../contracts/volunteers/waves-fill.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as fill from './fill.service.ts';
import * as members from './members.service.ts';

const tags = ['Đợt huy động'];

export const waveMemberRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/waves/inbox',
    {
      schema: {
        tags,
        summary: 'Requests waiting at the caller’s institutions',
        response: { 200: z.array(inboxItem) },
      },
    },
    (req) => fill.getInbox(ctxOf(req, deps)),
  );
  app.put(
    '/api/waves/:id/quotas/:quotaId/pledge',
    {
      schema: {
        tags,
        summary: 'An institution pledges a number',
        params: waveQuotaParams,
        body: pledgeBody,
        response: { 200: okBody },
      },
    },
    async (req) => {
      await members.pledge(ctxOf(req, deps), req.params.id, req.params.quotaId, req.body);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/waves/:id/members',
    {
      schema: {
        tags,
        summary: 'Named volunteers (an institution: its own)',
        params: idParam,
        response: { 200: z.array(memberView) },
      },
    },
    (req) => members.listMembers(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/waves/:id/members',
    {
      schema: {
        tags,
        summary: 'Propose named volunteers (each checked)',
        params: idParam,
        body: proposeBody,
        response: { 200: proposeResult },
      },
    },
    (req) => members.propose(ctxOf(req, deps), req.params.id, req.body),
  );
  app.delete(
    '/api/waves/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: 'Withdraw a proposed volunteer',
        params: waveMemberParams,
        response: { 200: okBody },
      },
    },
    async (req) => {
      await members.withdrawMember(ctxOf(req, deps), req.params.id, req.params.memberId);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/waves/:id/fill',
    { schema: { tags, summary: 'How far the wave is filled', params: idParam, response: { 200: fillView } } },
    (req) => fill.getFill(ctxOf(req, deps), req.params.id),
  );
  app.get(
    '/api/waves/:id/candidates',
    {
      schema: {
        tags,
        summary: 'An institution’s volunteers who can go',
        params: idParam,
        querystring: candidatesQuery,
        response: { 200: candidatePage },
      },
    },
    (req) => fill.getCandidates(ctxOf(req, deps), req.params.id, req.query),
  );
  app.get(
    '/api/waves/:id/topic-gaps',
    {
      schema: {
        tags,
        summary: 'Named volunteers still lacking a training topic',
        params: idParam,
        querystring: topicGapsQuery,
        response: { 200: topicGapsView },
      },
    },
    (req) => fill.getTopicGaps(ctxOf(req, deps), req.params.id, req.query.orgId),
  );
};
