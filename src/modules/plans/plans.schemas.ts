import { z } from 'zod';
import { id } from '../../contracts/common.ts';

/** What the plans' route files share: their OpenAPI tag and the version a state change carries. */
export const tags = ['Kế hoạch & báo cáo'];
export const versionBody = z.object({ version: id });
