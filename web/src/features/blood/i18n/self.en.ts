import type { Shape } from '../../../app/i18n/keys.ts';
import type { viDonorSelf } from './self.vi.ts';

export const enDonorSelf: Shape<typeof viDonorSelf> = {
  title: '',
};
