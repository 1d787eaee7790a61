import { trainingAuditWords } from '../../contracts/training/audit-words.ts';
import type { ModuleDef } from '../../platform/modules.ts';
import { attendanceRoutes } from './attendance/attendance.routes.ts';
import { catalogueRoutes } from './catalogue/catalogue.routes.ts';
import { certificateRoutes } from './certificates/certificates.routes.ts';
import { verifyRoutes } from './certificates/verify.routes.ts';
import { classRoutes } from './classes/classes.routes.ts';
import { complianceRoutes } from './compliance/compliance.routes.ts';
import { enrolmentRoutes } from './enrolment/enrolment.routes.ts';
import { trainingHomeBlocks } from './home/home-blocks.ts';
import { trainingIndicatorSources } from './indicator-sources.ts';
import { requestRoutes } from './requests/requests.routes.ts';
import { rosterRoutes } from './roster/roster.routes.ts';
import { trainerRoutes } from './trainers/trainers.routes.ts';
import { trainingErrors } from './training.errors.ts';

export const trainingModule: ModuleDef = {
  name: 'training',
  tags: [
    { name: 'Đào tạo', description: 'Khoá học, giảng viên, đề nghị, lớp học, học viên' },
    { name: 'Đào tạo – giấy chứng nhận' },
    { name: 'Xác minh giấy chứng nhận (công khai)' },
  ],
  // Registration order as before the split: roster, then the training routes in their old order, certificates, verify.
  routes: [
    rosterRoutes,
    catalogueRoutes,
    trainerRoutes,
    requestRoutes,
    classRoutes,
    enrolmentRoutes,
    attendanceRoutes,
    complianceRoutes,
    certificateRoutes,
    verifyRoutes,
  ],
  pathCopies: [
    { table: 'trainers', column: 'org_path' },
    { table: 'training_requests', column: 'requester_path' },
    { table: 'training_requests', column: 'provider_path' },
    { table: 'training_classes', column: 'provider_path' },
    { table: 'certificates', column: 'issuer_path' },
    { table: 'workforce_counts', column: 'org_path' },
  ],
  indicatorSources: trainingIndicatorSources,
  homeBlocks: trainingHomeBlocks,
  errors: [trainingErrors.catalogue],
  auditWords: [trainingAuditWords],
};

// The public face: tables other modules' repositories may join (volunteers read certificates as qualifications
// and completed courses as a wave's training topics).
export { certificates, courseTypes, enrolments, trainingClasses } from './training.tables.ts';
