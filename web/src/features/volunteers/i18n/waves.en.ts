import type { Shape } from '../../../app/i18n/keys.ts';
import type { viWaves } from './waves.vi.ts';

export const enWaves: Shape<typeof viWaves> = {
  title: '',
};
