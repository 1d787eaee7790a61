import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../errors.ts';

export const NDJSON = 'application/x-ndjson';

/** Whether the client asked for the progress stream (`Accept: application/x-ndjson`). */
export const wantsProgress = (req: FastifyRequest) => Boolean(req.headers.accept?.includes(NDJSON));

/**
 * A long import with its progress as NDJSON (`{progress}` lines, then `{result}` or `{error}`): the response
 * starts with the first progress line, so a refusal before any work (rights, no file) is still an ordinary HTTP
 * error; what fails later is the last line. Each line is flushed before the work goes on (PGlite would otherwise
 * hold the event loop until the end). Used by the training roster and the volunteer registry imports.
 */
export async function streamProgress<P, R>(
  req: FastifyRequest,
  reply: FastifyReply,
  work: (onProgress: (progress: P) => Promise<void>) => Promise<R>,
  what = 'import',
) {
  const out = new PassThrough();
  let started = false;
  const onProgress = async (progress: P) => {
    if (!started) {
      started = true;
      reply.type(`${NDJSON}; charset=utf-8`).header('cache-control', 'no-store').send(out);
    }
    out.write(`${JSON.stringify({ progress })}\n`);
    await new Promise((resolve) => setImmediate(resolve));
  };
  try {
    const result = await work(onProgress);
    if (!started) return result;
    out.end(`${JSON.stringify({ result })}\n`);
  } catch (e) {
    if (!started) throw e;
    const known = isAppError(e) && !e.isInternal;
    if (!known) req.log.error({ err: e }, `${what} failed`);
    const error = known
      ? { code: e.code, message: e.message, details: e.details }
      : { code: 'internal', message: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.' };
    out.end(`${JSON.stringify({ error })}\n`);
  }
  return reply;
}
