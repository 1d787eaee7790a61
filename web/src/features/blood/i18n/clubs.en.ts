import type { Shape } from '../../../app/i18n/keys.ts';
import type { viBloodClubs } from './clubs.vi.ts';

export const enBloodClubs: Shape<typeof viBloodClubs> = {
  title: '',
};
