import { z } from 'zod';
import {
  type ParticipationVerifyView,
  participationVerifyParams,
  participationVerifyView,
} from '../../../contracts/volunteers/deployment-documents.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { escapeHtml, publicPage, publicPageCsp } from '../../../platform/http/public-page.ts';
import { vnDateText } from '../../../platform/pdf.ts';
import { deploymentErrors } from './deployment.errors.ts';
import { verifyParticipation } from './documents.service.ts';

const tags = ['Xác minh giấy chứng nhận (công khai)'];
const HEADING = 'Kiểm tra giấy chứng nhận tình nguyện';
const NOTE =
  'Tra cứu trên hệ thống Chung Tay. Trang này chỉ cho biết họ tên, đợt huy động, thời gian, đơn vị và tình trạng của giấy chứng nhận.';

const banner = {
  completed: ['valid', 'ĐÃ HOÀN THÀNH', 'Người được cấp đã hoàn thành đợt tình nguyện.'],
  in_progress: ['expired', 'ĐANG THAM GIA', 'Đợt tình nguyện của người này chưa kết thúc.'],
  cancelled: ['revoked', 'ĐÃ HUỶ', 'Phân công này đã bị huỷ; giấy chứng nhận không còn giá trị.'],
} as const;

function verifyHtml(v: ParticipationVerifyView) {
  const [cls, label, detail] = banner[v.state];
  const row = (term: string, value: string) => `<dt>${term}</dt><dd>${escapeHtml(value)}</dd>`;
  return publicPage(
    `${label} — ${v.number}`,
    HEADING,
    `<div class="card">
<div class="state ${cls}">${label}<small>${escapeHtml(detail)}</small></div>
<dl>
${row('Giấy chứng nhận', `Số ${v.number}`)}
${row('Họ và tên', v.fullName)}
${row('Đợt huy động', v.waveTitle)}
${row('Thời gian', `${vnDateText(v.startsOn)} – ${vnDateText(v.endsOn)}`)}
${row('Đơn vị', v.orgName)}
</dl>
</div>`,
    NOTE,
  );
}

const notFoundHtml = () =>
  publicPage(
    'Không tìm thấy giấy chứng nhận',
    HEADING,
    `<div class="card">
<div class="state missing">KHÔNG TÌM THẤY<small>Không có giấy chứng nhận nào với số này.</small></div>
<p class="body">Hãy kiểm tra lại số in dưới mã QR trên giấy chứng nhận, hoặc liên hệ đơn vị đã cấp.</p>
</div>`,
    NOTE,
  );

/**
 * Public (no login) verification of a participation certificate by its printed number (the QR code's link):
 * an HTML page and the same facts as JSON, rate-limited as the training certificates' verification.
 */
export const participationVerifyRoutes: ModuleRoutes = (app, deps) => {
  const rateLimit = { max: deps.config.verifyRateLimitPerMinute, timeWindow: '1 minute' };
  app.get(
    '/verify/tnv/:number',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Verification page of a participation certificate (HTML, public)',
        security: [],
        params: participationVerifyParams,
        produces: ['text/html'],
        response: { 200: z.string(), 404: z.string() },
      },
    },
    async (req, reply) => {
      const found = await verifyParticipation(deps.db, req.params.number);
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', publicPageCsp)
        .header('cache-control', 'no-cache')
        .header('x-robots-tag', 'noindex');
      if (!found) return reply.status(404).send(notFoundHtml());
      return reply.send(verifyHtml(found));
    },
  );
  app.get(
    '/api/verify/volunteering/:number',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary:
          'Verify a participation certificate by its number (public): name, wave, dates, institution, state',
        security: [],
        params: participationVerifyParams,
        response: { 200: participationVerifyView },
      },
    },
    async (req, reply) => {
      const found = await verifyParticipation(deps.db, req.params.number);
      if (!found) throw deploymentErrors['certificate.not_found']();
      return reply.header('cache-control', 'no-cache').send(found);
    },
  );
};
