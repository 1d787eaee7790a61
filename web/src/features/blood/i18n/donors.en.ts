import type { Shape } from '../../../app/i18n/keys.ts';
import type { viBloodDonors } from './donors.vi.ts';

export const enBloodDonors: Shape<typeof viBloodDonors> = {
  nav: {
    donors: 'Donors',
    drives: 'Blood drives',
    clubs: 'Donor clubs',
    callouts: 'Rare-blood call-outs',
    honours: 'Honours',
    mine: 'My donations',
  },
};
