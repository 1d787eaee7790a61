import type { viAuth } from './i18n.vi.ts';

export const enAuth: typeof viAuth = {
  tagline: "Plan, run and report programmes for workers' health and safety and humanitarian work.",
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
};
