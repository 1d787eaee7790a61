import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DEMO_SEED: boolish.optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: boolish.default(false),
  SMTP_URL: z.string().optional(),
  SCHEDULER: boolish.default(true),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  VERIFY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
  SIGNUP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  poolSize: number;
  demoSeed: boolean;
  sessionTtlMs: number;
  loginRateLimitPerMinute: number;
  logLevel: string;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  /** Daily jobs (report reminders…) in `serve`; several instances may all run it, each job runs once a day. */
  scheduler: boolean;
  /** The address people reach the app at (QR links on certificates); else taken from each request. */
  publicUrl: string | undefined;
  /** Public certificate verification requests per IP per minute. */
  verifyRateLimitPerMinute: number;
  /** Public volunteer sign-ups sent per IP per minute (the form behind an institution's link). */
  signupRateLimitPerMinute: number;
};

/** Reads the environment once; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in a shell.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    // Demo data never loads in production, whatever DEMO_SEED says.
    demoSeed: !isProduction && (e.DEMO_SEED ?? true),
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    scheduler: e.SCHEDULER,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    verifyRateLimitPerMinute: e.VERIFY_RATE_LIMIT_PER_MINUTE,
    signupRateLimitPerMinute: e.SIGNUP_RATE_LIMIT_PER_MINUTE,
  };
}
