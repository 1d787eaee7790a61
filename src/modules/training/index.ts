import type { ModuleDef } from '../../platform/modules.ts';
import { certificateRoutes } from './certificates.routes.ts';
import { trainingIndicatorSources } from './indicator-sources.ts';
import { rosterRoutes } from './roster.routes.ts';
import { trainingRoutes } from './training.routes.ts';
import { verifyRoutes } from './verify.routes.ts';

export const trainingModule: ModuleDef = {
  name: 'training',
  tags: [
    { name: 'Đào tạo', description: 'Khoá học, giảng viên, đề nghị, lớp học, học viên' },
    { name: 'Đào tạo – giấy chứng nhận' },
    { name: 'Xác minh giấy chứng nhận (công khai)' },
  ],
  routes: [rosterRoutes, trainingRoutes, certificateRoutes, verifyRoutes],
  pathCopies: [
    { table: 'trainers', column: 'org_path' },
    { table: 'training_requests', column: 'requester_path' },
    { table: 'training_requests', column: 'provider_path' },
    { table: 'training_classes', column: 'provider_path' },
    { table: 'certificates', column: 'issuer_path' },
    { table: 'workforce_counts', column: 'org_path' },
  ],
  indicatorSources: trainingIndicatorSources,
};
