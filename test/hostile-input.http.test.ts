import { beforeAll, describe, expect, it } from 'vitest';
import { buildForest, buildUser } from './helpers/factories.ts';
import { createTestApp, type Session, signIn, type TestApp } from './helpers/test-app.ts';

/**
 * Hostile input never reaches the database (issue 9, input points 4–6): for every operation of the OpenAPI
 * document, one field at a time, an integer past int4, a string holding NUL and the date 0000-01-01 are
 * answered 400 naming the field (or 404 for a path id) — never 500. The other fields get plausible values
 * generated from the same schema, so a 400 that does not name the probed field is reported too.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
};
type Parameter = { in: 'path' | 'query'; name: string; required?: boolean; schema: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
};
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

type Kind = 'int' | 'text' | 'date';
type Probe = { part: 'params' | 'querystring' | 'body'; path: (string | number)[]; kind: Kind };

type ErrorJson = { error?: { code?: unknown; message?: unknown; details?: unknown } };
const jsonOf = (body: string): ErrorJson | null => {
  try {
    return JSON.parse(body) as ErrorJson;
  } catch {
    return null;
  }
};

const INT4_PAST = 2147483648;
const HOSTILE: Record<Kind, unknown> = { int: INT4_PAST, text: 'a\u0000b', date: '0000-01-01' };

describe('hostile input is refused by name, never a 500', () => {
  let t: TestApp;
  let s: Session;
  let doc: OpenApi;
  let orgId: number;

  beforeAll(async () => {
    t = await createTestApp();
    const f = await buildForest(t.db);
    orgId = f.national.id;
    const admin = await buildUser(t.db, { grants: [{ org: f.national, role: 'system_admin' }] });
    s = await signIn(t, admin.username, admin.password);
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });

  const resolve = (schema: Schema): Schema => {
    let out = schema;
    while (out.$ref) out = doc.components!.schemas![out.$ref.replace('#/components/schemas/', '')]!;
    if (out.allOf?.length === 1) return resolve(out.allOf[0]!);
    const alternatives = out.anyOf ?? out.oneOf;
    if (alternatives)
      return resolve(alternatives.find((a) => resolve(a).type !== 'null') ?? alternatives[0]!);
    return out;
  };
  const typeOf = (schema: Schema) =>
    Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  const isDate = (schema: Schema) =>
    schema.format === 'date' || (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') ?? false);
  const isIdText = (schema: Schema) =>
    typeOf(schema) === 'string' &&
    !!schema.pattern &&
    new RegExp(schema.pattern).test('1') &&
    !isDate(schema);

  /** A plausible valid value: defaults, first enum member, the admin's organisation for ids, today for dates. */
  const sample = (raw: Schema): unknown => {
    const schema = resolve(raw);
    if (schema.default !== undefined) return schema.default;
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return schema.enum[0];
    switch (typeOf(schema)) {
      case 'integer':
      case 'number': {
        const min =
          schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
        return Math.min(Math.max(orgId, min), schema.maximum ?? orgId);
      }
      case 'boolean':
        return false;
      case 'array':
        return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}));
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const name of schema.required ?? []) out[name] = sample(schema.properties?.[name] ?? {});
        return out;
      }
      default:
        return sampleText(schema);
    }
  };
  const sampleText = (schema: Schema): string => {
    if (isDate(schema)) return '2026-05-04';
    if (schema.format === 'email') return 'thu@example.vn';
    if (isIdText(schema)) return String(orgId);
    const candidates = ['Giá trị thử', 'ABC', 'abc', '2026', '2026-Q1', '2026-05', '0912345678', 'a'];
    const fits = (c: string) =>
      (!schema.pattern || new RegExp(schema.pattern).test(c)) &&
      c.length >= (schema.minLength ?? 0) &&
      c.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
    return candidates.find(fits) ?? 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
  };

  /** Every integer, text and date field of a schema, arrays' items and nested objects included. */
  const probesOf = (raw: Schema, part: Probe['part'], path: Probe['path'], depth = 0): Probe[] => {
    const schema = resolve(raw);
    if (depth > 6) return [];
    const type = typeOf(schema);
    if (type === 'object')
      return Object.entries(schema.properties ?? {}).flatMap(([k, v]) =>
        probesOf(v, part, [...path, k], depth + 1),
      );
    if (type === 'array') return probesOf(schema.items ?? {}, part, [...path, 0], depth + 1);
    if (type === 'integer') return [{ part, path, kind: 'int' }];
    if (type === 'string' && !schema.enum && schema.const === undefined) {
      if (isDate(schema))
        return [
          { part, path, kind: 'date' },
          { part, path, kind: 'text' },
        ];
      if (isIdText(schema))
        return [
          { part, path, kind: 'int' },
          { part, path, kind: 'text' },
        ];
      return [{ part, path, kind: 'text' }];
    }
    return [];
  };

  /** Sets `value` at `path` inside `base`, creating the objects and one-item arrays on the way. */
  const withValue = (base: unknown, schema: Schema, path: Probe['path'], value: unknown): unknown => {
    if (path.length === 0) return value;
    const [head, ...rest] = path;
    const s0 = resolve(schema);
    if (typeof head === 'number') {
      const item = s0.items ?? {};
      return [withValue(sample(item), item, rest, value)];
    }
    const child = s0.properties?.[head!] ?? {};
    const obj = { ...(base as Record<string, unknown>) };
    obj[head!] = withValue(obj[head!] ?? sample(child), child, rest, value);
    return obj;
  };

  it('answers 400 naming the field (or 404 for a path id) for every operation', async () => {
    const failures: string[] = [];
    let sent = 0;
    // Signing out or changing the password would end the session the other probes use: those go last.
    const operations = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
      .sort((a, b) => Number(a.path.startsWith('/api/auth')) - Number(b.path.startsWith('/api/auth')));
    for (const { path, method, op } of operations) {
      const params = (op.parameters ?? []).filter((p) => p.in === 'path');
      const query = (op.parameters ?? []).filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const baseParams = Object.fromEntries(params.map((p) => [p.name, String(sample(p.schema))]));
      const baseQuery = Object.fromEntries(
        query.filter((p) => p.required).map((p) => [p.name, String(sample(p.schema))]),
      );
      const baseBody = bodySchema ? sample(bodySchema) : undefined;
      const probes: Probe[] = [
        ...params.flatMap((p) => [
          { part: 'params' as const, path: [p.name], kind: 'int' as const },
          { part: 'params' as const, path: [p.name], kind: 'text' as const },
        ]),
        ...query.flatMap((p) => probesOf(p.schema, 'querystring', [p.name])),
        ...(bodySchema ? probesOf(bodySchema, 'body', []) : []),
      ];
      for (const probe of probes) {
        const hostile = HOSTILE[probe.kind];
        const p = { ...baseParams };
        const q: Record<string, string> = { ...baseQuery };
        let body = baseBody;
        const name = String(probe.path[0]);
        if (probe.part === 'params') p[name] = String(hostile);
        else if (probe.part === 'querystring') {
          const param = query.find((x) => x.name === name)!;
          const isArray = typeOf(resolve(param.schema)) === 'array';
          q[name] = isArray ? String(hostile) : String(hostile);
        } else body = withValue(baseBody, bodySchema!, probe.path, hostile);
        const url =
          path.replace(/\{([^}]+)\}/g, (_, n: string) => encodeURIComponent(p[n]!)) +
          (Object.keys(q).length ? `?${new URLSearchParams(q)}` : '');
        const res = await s.request({
          method: method.toUpperCase() as 'GET',
          url,
          ...(method === 'get' || method === 'delete' ? {} : { json: body ?? {} }),
        });
        sent++;
        const where = `${method.toUpperCase()} ${path} ${probe.part}.${probe.path.join('.')} ← ${probe.kind}`;
        const field = [probe.part, ...probe.path].join('.');
        if (!path.startsWith('/api')) {
          // A page for people (the certificate check): an HTML answer, judged by its status alone.
          if (![400, 404].includes(res.statusCode)) failures.push(`${where}: ${res.statusCode}`);
          continue;
        }
        const error = jsonOf(res.body)?.error;
        if (typeof error?.code !== 'string' || typeof error.message !== 'string') {
          failures.push(`${where}: ${res.statusCode} without an error body`);
          continue;
        }
        if (res.statusCode === 404 && probe.part === 'params') continue;
        if (res.statusCode !== 400) {
          failures.push(`${where}: ${res.statusCode} ${error.code}`);
          continue;
        }
        const issues = (error.details as { issues?: { path: string }[] } | undefined)?.issues ?? [];
        if (
          !issues.some(
            (i) => i.path === field || i.path.startsWith(`${field}.`) || field.startsWith(`${i.path}.`),
          )
        )
          failures.push(
            `${where}: 400 ${error.code} not naming ${field} (${issues.map((i) => i.path).join(', ')})`,
          );
      }
    }
    expect(sent).toBeGreaterThan(300);
    expect(failures.length, `${failures.length} of ${sent} probes:\n${failures.join('\n')}`).toBe(0);
  }, 180_000);
});
