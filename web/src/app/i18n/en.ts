import { features } from '../features.ts';
import { enErrors } from './en-errors.ts';
import { enFieldIssues } from './en-field-issues.ts';
import { mergeNamespaces, type Shape } from './keys.ts';
import type { Resource, ShellResource } from './vi.ts';

const enShell: Shape<ShellResource> = {
  common: {
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
    dateNotUnderstood: 'Cannot read the date “{{text}}”: type it as dd/mm/yyyy, e.g. 01/01/2027.',
  },
  nav: {
    home: 'Overview',
    orgs: 'Organisations',
    plans: 'Plans & reports',
    reports: 'Reports due',
    training: 'Training & certificates',
    blood: 'Blood donation',
    volunteers: 'Volunteers',
    people: 'People',
    admin: 'Administration',
    users: 'Users',
    adminUnits: 'Administrative units',
    audit: 'Activity log',
    account: 'Account',
    logout: 'Sign out',
  },
  header: {
    menu: 'Open the menu',
    language: 'Language',
    userMenu: 'My account',
    systemAdmin: 'System administration',
  },
  notFound: {
    title: 'Page not found',
    text: 'This address does not exist or has changed.',
    home: 'Back to the overview',
  },
  numbers: {
    notANumber: 'Not a number (e.g. 1,234 or 1,234.5)',
    notInteger: 'Must be a whole number',
    tooSmall: 'Must not be less than {{min}}',
    tooLarge: 'Must not be more than {{max}}',
  },
  validation: { required: 'Required' },
  errors: enErrors,
  fieldIssues: enFieldIssues,
};

export const en = {
  ...enShell,
  ...mergeNamespaces(features.map((f) => f.translations.en)),
} as Shape<Resource>;
