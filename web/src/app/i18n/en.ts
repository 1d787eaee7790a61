import { enAccount, enHome } from '../../features/account/i18n.en.ts';
import { enAdminUnits } from '../../features/admin-units/i18n.en.ts';
import { enAudit } from '../../features/audit/i18n.en.ts';
import { enAuth } from '../../features/auth/i18n.en.ts';
import { enOrgKinds, enOrgStatus, enOrgs } from '../../features/orgs/i18n.en.ts';
import { enNotifications, enPlans, enReports } from '../../features/plans/i18n.en.ts';
import { enPeople, enTraining } from '../../features/training/i18n.en.ts';
import { enUsers } from '../../features/users/i18n.en.ts';
import { enErrors } from './en-errors.ts';
import type { Resource } from './vi.ts';

export const en: Resource = {
  common: {
    decimalSeparator: '.',
    save: 'Save',
    cancel: 'Cancel',
    create: 'Create',
    edit: 'Edit',
    remove: 'Remove',
    retry: 'Try again',
    loading: 'Loading…',
    none: 'None',
    print: 'Print list',
    printedOn: 'Printed on {{date}}',
    copy: 'Copy',
    copied: 'Copied',
    system: 'System',
  },
  nav: {
    home: 'Overview',
    orgs: 'Organisations',
    plans: 'Plans & reports',
    reports: 'Reports due',
    training: 'Training & certificates',
    people: 'People',
    blood: 'Blood donation',
    volunteers: 'Volunteers',
    firstAid: 'First-aid stations',
    osh: 'Occupational safety & health',
    comingSoon: 'Coming soon',
    admin: 'Administration',
    users: 'Users',
    adminUnits: 'Administrative units',
    audit: 'Activity log',
    account: 'Account',
    logout: 'Sign out',
  },
  header: { language: 'Language', userMenu: 'My account', systemAdmin: 'System administration' },
  notFound: {
    title: 'Page not found',
    text: 'This address does not exist or has changed.',
    home: 'Back to the overview',
  },
  auth: enAuth,
  home: enHome,
  orgKinds: enOrgKinds,
  orgStatus: enOrgStatus,
  orgs: enOrgs,
  plans: enPlans,
  reports: enReports,
  notifications: enNotifications,
  training: enTraining,
  people: enPeople,
  adminUnits: enAdminUnits,
  users: enUsers,
  audit: enAudit,
  account: enAccount,
  validation: { required: 'Required' },
  errors: enErrors,
};
