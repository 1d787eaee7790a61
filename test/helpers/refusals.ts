import { expect } from 'vitest';

type Res = { statusCode: number; body: string; json: () => { error: { code: string; details?: unknown } } };

/** An id outside the caller's scope in a body or a query: a 400 naming the field, nothing of the object said. */
export function expectFieldRefusal(res: Res, field: string, secrets: string[]) {
  expect(res.statusCode, res.body).toBe(400);
  const issues = (res.json().error.details as { issues: { path: string }[] }).issues;
  expect(issues.map((i) => i.path)).toContain(field);
  for (const s of secrets) expect(res.body).not.toContain(s);
}

/** An id outside the caller's scope on a path: the same 404 as a missing id, nothing of the object said. */
export function expectNotFound(res: Res, secrets: string[]) {
  expect(res.statusCode, res.body).toBe(404);
  for (const s of secrets) expect(res.body).not.toContain(s);
}

/**
 * No existence oracle: an id outside the caller's scope gets exactly the answer a missing id gets (status, code,
 * message, details), and nothing of the object is said.
 */
export function expectSameRefusal(res: Res, missing: Res, secrets: string[]) {
  expect(res.statusCode, res.body).toBe(missing.statusCode);
  expect(res.json(), res.body).toEqual(missing.json());
  for (const s of secrets) expect(res.body).not.toContain(s);
}
