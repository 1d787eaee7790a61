/** A plan's activities (hoạt động) and their planned and actual outputs. */
import { z } from 'zod';
import { commonIssues, eventDate, id, optionalText } from '../common.ts';
import { planIssues } from './issues.ts';

export const activityType = z.enum([
  'communication',
  'training',
  'inspection',
  'campaign_event',
  'visit',
  'contest',
  'commendation',
  'other',
]);
/** Planned outputs people count: events, participants, materials, articles, people reached… */
export const outputMetric = z.enum([
  'events',
  'participants',
  'materials',
  'articles',
  'people_reached',
  'units_covered',
  'money',
  'other',
]);
export const activityInput = z
  .object({
    type: activityType,
    title: z.string().trim().min(3).max(500),
    /** Chủ trì: any organisation, also outside the issuer's tree (the Red Cross leading a union's event). */
    leadOrgId: id.nullish(),
    /** Phối hợp. */
    partnerOrgIds: z.array(id).max(50).default([]),
    startsOn: eventDate.nullish(),
    endsOn: eventDate.nullish(),
    notes: optionalText(2000),
    outputs: z
      .array(z.object({ metric: outputMetric, planned: z.number().min(0).max(1e12).nullish() }))
      .max(8)
      .default([]),
  })
  .superRefine((a, ctx) => {
    if (a.startsOn && a.endsOn && a.endsOn < a.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: commonIssues.end_before_start });
    const seen = new Set<string>();
    a.outputs.forEach((o, n) => {
      if (seen.has(o.metric))
        ctx.addIssue({
          code: 'custom',
          path: ['outputs', n, 'metric'],
          message: planIssues.output_duplicate,
        });
      seen.add(o.metric);
    });
  });
export const activityView = z.object({
  id: z.number().int(),
  type: activityType,
  title: z.string(),
  leadOrgId: z.number().int().nullable(),
  leadOrgName: z.string().nullable(),
  partners: z.array(z.object({ orgId: z.number().int(), orgName: z.string() })),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  notes: z.string().nullable(),
  outputs: z.array(
    z.object({
      metric: outputMetric,
      planned: z.number().nullable(),
      actual: z.number().nullable(),
      reportedAt: z.string().nullable(),
    }),
  ),
  version: z.number().int(),
});
export type ActivityView = z.infer<typeof activityView>;
export const activityActualsBody = z.object({
  version: id,
  outputs: z.array(z.object({ metric: outputMetric, actual: z.number().min(0).max(1e12).nullable() })).min(1),
});
