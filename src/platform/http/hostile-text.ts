import type { FastifyInstance } from 'fastify';
import { commonIssues } from '../../contracts/common.ts';
import { errors, type FieldIssue } from '../errors.ts';

const MAX_ISSUES = 20;

/**
 * The paths (`body.people.0.fullName`, `querystring.q`, `params.code`) of every string — value or object key — that
 * holds a NUL character. PostgreSQL cannot store U+0000 in text or jsonb, so such a string would fail in the
 * database (a 500) wherever it landed.
 */
export function nulPaths(value: unknown, at: string, out: string[] = []): string[] {
  if (out.length >= MAX_ISSUES) return out;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(at);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nulPaths(v, `${at}.${i}`, out);
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) out.push(`${at}.${k.replaceAll('\u0000', '\\u0000')}`);
      else nulPaths(v, `${at}.${k}`, out);
    }
  }
  return out;
}

/** The field issues of NUL characters in a request's params, query and body (none: an empty list). */
export function nulIssues(parts: { params?: unknown; querystring?: unknown; body?: unknown }): FieldIssue[] {
  const paths: string[] = [];
  for (const [where, value] of Object.entries(parts)) nulPaths(value, where, paths);
  return paths.map((path) => ({ path, message: commonIssues.text_nul }));
}

/**
 * One pass before validation, for every route at once: a NUL character anywhere in the path parameters, the
 * query or a JSON body is a 400 `validation_failed` naming the field (`common.text_nul`). Being a hook on the
 * app rather than a rule in each text schema, a new contract cannot forget it. Multipart text fields are
 * checked by `readMultipart` (they are read after this hook).
 */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const issues = nulIssues({ params: req.params, querystring: req.query, body: req.body });
    if (issues.length) throw errors.validation(issues);
  });
}
