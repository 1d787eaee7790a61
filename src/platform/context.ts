import type { Clock } from './clock.ts';
import type { Db } from './db/database.ts';
import type { Actor } from './scope.ts';

export type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string | null };

/** What every service use case receives: its dependencies and who is acting. */
export type Ctx = { db: Db; clock: Clock; actor: Actor; meta: RequestMeta };

/** For work with no signed-in user (CLI, scheduler, login itself). */
export type SystemCtx = { db: Db; clock: Clock; meta: RequestMeta };

export const cliMeta: RequestMeta = { ip: null, userAgent: 'cli', requestId: null };
