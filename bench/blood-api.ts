import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { TEST_PASSWORD } from '../test/helpers/factories.ts';
import type { AppSpec } from './blood-app.ts';
import { repoRoot } from './build-forest.ts';

/**
 * The HTTP side of the blood benchmark: two app instances as child processes (bench/blood-app.ts) over one
 * database, signed in through the real login route, and one request that must end as expected (an error page is
 * fast: never time one).
 */

export type Headers = Record<string, string>;
export type Instance = { base: string; headers: Headers; child: ChildProcess };

/** Forks an app instance and resolves once it listens. */
function forkApp(spec: AppSpec): Promise<{ base: string; child: ChildProcess }> {
  const child = fork(path.join(repoRoot, 'bench/blood-app.ts'), {
    env: { ...process.env, BENCH_BLOOD_APP: JSON.stringify(spec) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`blood app instance exited with ${code}`)));
    child.once('message', (m) =>
      resolve({ base: `http://127.0.0.1:${(m as { port: number }).port}`, child }),
    );
  });
}

async function login(base: string, username: string): Promise<Headers> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('ct_session='))!
    .split(';')[0]!;
  return { cookie, 'x-csrf-token': csrfToken };
}

/** Two instances, each signed in as `username`. */
export async function startInstances(spec: AppSpec, username: string): Promise<[Instance, Instance]> {
  const started = await Promise.all([forkApp(spec), forkApp(spec)]);
  return Promise.all(started.map(async (s) => ({ ...s, headers: await login(s.base, username) }))) as Promise<
    [Instance, Instance]
  >;
}

/** The CPU time (ms) the instances have used so far, together. */
export async function cpuOf(instances: Instance[]): Promise<number> {
  const used = await Promise.all(
    instances.map(
      ({ child }) =>
        new Promise<number>((resolve) => {
          const got = (m: unknown) => {
            const cpu = (m as { cpu?: NodeJS.CpuUsage }).cpu;
            if (!cpu) return;
            child.off('message', got);
            resolve((cpu.user + cpu.system) / 1000);
          };
          child.on('message', got);
          child.send('cpu');
        }),
    ),
  );
  return used.reduce((a, b) => a + b, 0);
}

export async function stopInstances(instances: Instance[]) {
  await Promise.all(
    instances.map(async ({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send('close');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }),
  );
}

/** One request; throws on anything but `ok` (an error page is fast: never time one). */
export async function call(at: Instance, url: string, body?: unknown, ok = [200, 201]): Promise<number> {
  const res = await fetch(`${at.base}${url}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? at.headers : { ...at.headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!ok.includes(res.status)) throw new Error(`${url}: ${res.status} ${text.slice(0, 300)}`);
  return res.status;
}
