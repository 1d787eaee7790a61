import type { Shape } from '../../../app/i18n/keys.ts';
import type { viVolunteerSelf } from './self.vi.ts';

export const enVolunteerSelf: Shape<typeof viVolunteerSelf> = {
  title: '',
};
