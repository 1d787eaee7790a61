import { type Actor, hasPermission } from '../../platform/scope.ts';

/**
 * Who may do what in training — every permission check of the module, and the `can` blocks the answers carry to the web. Services ask here; which rows a caller may *see* is the repositories' scope SQL.
 */

/** Runs training at an organisation: its courses, trainers, classes, requests received, certificates. */
export function canManageTraining(actor: Actor, orgPath: string): boolean {
  return hasPermission(actor, 'training.manage', orgPath);
}

/** Speaks for an organisation as a customer of training (its HR reports for it): requests, headcounts. */
export function canActAsCustomer(actor: Actor, orgPath: string): boolean {
  return hasPermission(actor, 'report.write', orgPath) || canManageTraining(actor, orgPath);
}

/** Whether the requester may still edit or withdraw a request: its customer side, until it is scheduled. */
export function canChangeRequest(actor: Actor, r: { requesterPath: string; status: string }): boolean {
  return (r.status === 'requested' || r.status === 'accepted') && canActAsCustomer(actor, r.requesterPath);
}

/** A request's `can` block: the provider decides and schedules it; the requester edits or withdraws it. */
export function requestCan(actor: Actor, r: { providerPath: string; requesterPath: string; status: string }) {
  return { decide: canManageTraining(actor, r.providerPath), change: canChangeRequest(actor, r) };
}

/** A class's `can` block: who may run it (provider) and who may send learners (provider, or the customer). */
export function classCan(actor: Actor, c: { providerPath: string; customerPath: string | null }) {
  const manage = canManageTraining(actor, c.providerPath);
  const customer = c.customerPath !== null && canActAsCustomer(actor, c.customerPath);
  return { manage, enrol: manage || customer };
}

/**
 * Whether the caller may revoke or reissue a certificate: the issuer's, whoever else
 * may read it (the holder's employer sees its workers' certificates, see `certificateVisible`).
 */
export function certificateCanChange(actor: Actor, c: { issuerPath: string }): boolean {
  return canManageTraining(actor, c.issuerPath);
}

/** A certificate's `can` block, on lists: the same right revokes and reissues it. */
export function certificateCan(actor: Actor, c: { issuerPath: string }) {
  const change = certificateCanChange(actor, c);
  return { revoke: change, reissue: change };
}

/** Where new people of a roster import are kept: the provider if the caller manages people there, else the customer. */
export function rosterKeeper(
  actor: Actor,
  c: {
    providerOrgId: number;
    providerPath: string;
    customerOrgId: number | null;
    customerPath: string | null;
  },
): { orgId: number; orgPath: string } | null {
  if (hasPermission(actor, 'person.manage', c.providerPath))
    return { orgId: c.providerOrgId, orgPath: c.providerPath };
  if (c.customerPath && c.customerOrgId && hasPermission(actor, 'person.manage', c.customerPath))
    return { orgId: c.customerOrgId, orgPath: c.customerPath };
  return null;
}
