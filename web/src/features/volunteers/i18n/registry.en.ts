import type { Shape } from '../../../app/i18n/keys.ts';
import type { viVolunteers } from './registry.vi.ts';

export const enVolunteers: Shape<typeof viVolunteers> = {
  nav: {
    registry: 'Volunteer registry',
    readiness: 'Readiness',
    waves: 'Mobilisation waves',
    inbox: 'Mobilisation requests',
    applications: 'Pending sign-ups',
    mine: 'My volunteering',
  },
};
