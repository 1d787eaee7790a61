import { readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Removes the journeys' throwaway embedded databases (one per run, under the system temp folder). */
export default function teardown() {
  for (const name of readdirSync(os.tmpdir())) {
    if (name.startsWith('chungtay-e2e-'))
      rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}
