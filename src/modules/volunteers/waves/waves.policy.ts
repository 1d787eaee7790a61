import type { WaveStatusCode } from '../../../contracts/volunteers/waves.ts';
import { type Actor, hasPermission, pathInScope, scopeOf } from '../../../platform/scope.ts';

/**
 * Who may do what with a wave — every permission check of the waves, and the `can` blocks the answers carry.
 * Which rows a caller may *see* is the repositories' scope SQL (issuer side, or the institution's own quota).
 */

/** The issuer's side: sees the whole wave (wave.manage over the issuer, or any reading right above it). */
export function isIssuerSide(actor: Actor, w: { issuerPath: string }): boolean {
  return pathInScope(scopeOf(actor), w.issuerPath);
}

export function canManageWave(actor: Actor, w: { issuerPath: string }): boolean {
  return hasPermission(actor, 'wave.manage', w.issuerPath);
}

/** Answers for an institution: its volunteer officer, or the issuer overriding. */
export function canAnswerQuota(actor: Actor, w: { issuerPath: string }, q: { orgPath: string }): boolean {
  return hasPermission(actor, 'volunteer.manage', q.orgPath) || canManageWave(actor, w);
}

/** The transitions a wave may take (stood_down from any state but closed). */
export const WAVE_TRANSITIONS: Record<WaveStatusCode, readonly WaveStatusCode[]> = {
  draft: ['open', 'stood_down'],
  open: ['filled', 'deployed', 'stood_down'],
  filled: ['open', 'deployed', 'stood_down'],
  deployed: ['closed', 'stood_down'],
  closed: [],
  stood_down: [],
};

/** Names can be proposed while the wave is open (or filled: a replacement for a withdrawn volunteer). */
export const TAKES_PROPOSALS: readonly WaveStatusCode[] = ['open', 'filled'];

export function waveCan(actor: Actor, w: { issuerPath: string; status: WaveStatusCode }) {
  const manage = canManageWave(actor, w);
  const to = (s: WaveStatusCode) => manage && WAVE_TRANSITIONS[w.status].includes(s);
  return {
    edit: manage && w.status === 'draft',
    editQuotas: manage && !['closed', 'stood_down'].includes(w.status),
    open: to('open') && w.status === 'draft',
    markFilled: to('filled'),
    markDeployed: to('deployed'),
    close: to('closed'),
    standDown: to('stood_down'),
    seeAll: isIssuerSide(actor, w),
  };
}
