import { clubsAuditWords } from '../../contracts/blood/audit-words.clubs.ts';
import { donorsAuditWords } from '../../contracts/blood/audit-words.donors.ts';
import { drivesAuditWords } from '../../contracts/blood/audit-words.drives.ts';
import { donorSelfAuditWords } from '../../contracts/blood/audit-words.self.ts';
import type { ModuleDef } from '../../platform/modules.ts';
import { bloodHomeBlocks } from './blood.home.ts';
// clubs
import { calloutRoutes } from './clubs/callouts.routes.ts';
import { clubsErrors } from './clubs/clubs.errors.ts';
import { clubRoutes } from './clubs/clubs.routes.ts';
import { honourRoutes } from './clubs/honours.routes.ts';
import { certificateRoutes } from './donors/certificate.routes.ts';
import { donorErrors } from './donors/donors.errors.ts';
import { donorRoutes } from './donors/donors.routes.ts';
import { deskRoutes } from './drives/desk.routes.ts';
import { noShowJob } from './drives/desk.service.ts';
import { drivesErrors } from './drives/drives.errors.ts';
import { driveRoutes } from './drives/drives.routes.ts';
import { bloodIndicatorSources } from './indicator-sources.ts';
import { donorRemindersJob } from './self/reminders.job.ts';
import { donorSelfErrors } from './self/self.errors.ts';
import { donorSelfRoutes } from './self/self.routes.ts';

/**
 * Voluntary blood donation (seed 001): donors and their donations with eligibility as dated rules (donors/),
 * drives with slots, walk-ins, the check-in desk and the funnel (drives/), clubs, rare-blood call-outs and honours
 * (clubs/), the donor's own page (self/), and the indicator sources that feed the unions' reports.
 */
export const bloodModule: ModuleDef = {
  name: 'blood',
  tags: [
    {
      name: 'Hiến máu – người hiến',
      description: 'Người hiến máu, lần hiến, điều kiện hiến theo Thông tư 26/2013/TT-BYT',
    },
    { name: 'Hiến máu – điểm hiến', description: 'Điểm hiến máu, khung giờ, đăng ký, tiếp nhận' },
    { name: 'Hiến máu – câu lạc bộ', description: 'Câu lạc bộ, huy động nhóm máu hiếm, tôn vinh' },
  ],
  routes: [
    // donors
    donorRoutes,
    certificateRoutes,
    // drives
    driveRoutes,
    deskRoutes,
    // clubs
    clubRoutes,
    calloutRoutes,
    honourRoutes,
    // self
    donorSelfRoutes,
  ],
  pathCopies: [
    { table: 'blood_donations', column: 'organiser_path' },
    { table: 'blood_donations', column: 'member_of_path' },
    { table: 'blood_drives', column: 'organiser_path' },
    { table: 'drive_bookings', column: 'organiser_path' },
    { table: 'donor_clubs', column: 'org_path' },
    { table: 'blood_callouts', column: 'requester_path' },
    { table: 'donor_honours', column: 'org_path' },
  ],
  indicatorSources: [
    // donors
    ...bloodIndicatorSources,
    // clubs
  ],
  homeBlocks: bloodHomeBlocks,
  jobs: [
    // drives
    noShowJob,
    // self
    donorRemindersJob,
  ],
  errors: [
    // donors
    donorErrors.catalogue,
    // drives
    drivesErrors.catalogue,
    // clubs
    clubsErrors.catalogue,
    // self
    donorSelfErrors.catalogue,
  ],
  auditWords: [donorsAuditWords, drivesAuditWords, clubsAuditWords, donorSelfAuditWords],
};
