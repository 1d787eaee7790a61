import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/database.ts';
import { installModules, type ModuleDef } from '../modules.ts';
import { installAuthentication, SESSION_COOKIE } from './authenticate.ts';
import { installErrorHandling, rateLimitError } from './error-handler.ts';
import { installNulGuard } from './hostile-text.ts';

export type AppDeps = { database: Database; db: Db; clock: Clock; config: Config };
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;
export type ModuleRoutes = (app: App, deps: AppDeps) => void | Promise<void>;

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * What a log line keeps of a request: its method and path, never its query string — search terms are names,
 * phones and CCCD numbers, and a filter may be a blood group (health data never goes into a log line).
 */
export const requestLogSerializers = {
  req: (req: { method?: string; url?: string; ip?: string; id?: string }) => ({
    method: req.method,
    url: req.url?.split('?')[0],
    remoteAddress: req.ip,
    id: req.id,
  }),
};

export async function buildApp(
  deps: AppDeps,
  modules: readonly ModuleDef[],
  logger: FastifyServerOptions['logger'] = false,
) {
  installModules(modules);
  const app = Fastify({
    logger:
      logger && typeof logger === 'object' && !('child' in logger)
        ? { ...logger, serializers: { ...requestLogSerializers, ...logger.serializers } }
        : logger,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  });
  // Validation messages in Vietnamese (the API's language; the web translates by code and field).
  z.config(z.locales.vi());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  const readIndex = () => readFile(path.join(webDist, 'index.html')).catch(() => null);
  installErrorHandling(app, hasWeb ? readIndex : null);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects its CSS-in-JS at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Offices often reach the app over plain HTTP on a LAN address: upgrading would break every asset.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: () => rateLimitError() });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Chung Tay API',
        version: '0.1.0',
        description: 'Kế hoạch, chỉ tiêu và báo cáo — JSON API.',
      },
      components: {
        securitySchemes: {
          cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'Personal API token (ct_…)' },
        },
      },
      security: [{ cookieAuth: [] }, { bearerAuth: [] }],
      tags: modules.flatMap((m) => m.tags ?? []),
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installAuthentication(app, deps);
  installNulGuard(app);

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/openapi.json', { schema: { hide: true, security: [] } }, async () => app.swagger());
  for (const m of modules) for (const register of m.routes ?? []) await register(typed, deps);

  // wildcard: files are looked up per request, so assets of a rebuild are found without a restart.
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: false });
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await readIndex()),
    );
  }
  return app;
}
