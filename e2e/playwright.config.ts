import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { adminStatePath } from './helpers.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
// E2E_PORT: another free port when several checkouts run journeys on one machine.
const port = Number(process.env.E2E_PORT) || 3210;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: '.',
  globalTeardown: './global-teardown.ts',
  outputDir: '../artifacts/e2e',
  // Journeys share one fresh database and one admin session: run them one after the other.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  // Generous: the machine may be busy (builds, benchmarks) while the journeys run.
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/, use: { ...devices['Desktop Chrome'] } },
    {
      name: 'journeys',
      testMatch: /.*\.spec\.ts/,
      dependencies: ['setup'],
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        storageState: adminStatePath,
      },
    },
  ],
  webServer: {
    // The real server on a fresh embedded database, seeded with the demo organisations and accounts.
    command: 'npm run build && npm run cli -- serve',
    cwd: repoRoot,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(os.tmpdir(), `chungtay-e2e-${Date.now()}`),
      DEMO_SEED: '1',
      LOG_LEVEL: 'warn',
    },
  },
});
