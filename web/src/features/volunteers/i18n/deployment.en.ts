import type { Shape } from '../../../app/i18n/keys.ts';
import type { viDeployment } from './deployment.vi.ts';

export const enDeployment: Shape<typeof viDeployment> = {
  title: '',
};
