import type { Shape } from '../../../app/i18n/keys.ts';
import type { viBloodDrives } from './drives.vi.ts';

export const enBloodDrives: Shape<typeof viBloodDrives> = {
  title: '',
};
