import type { viFieldIssues } from './vi-field-issues.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English texts of the contracts' field issues, the same keys as vi-field-issues.ts. */
export const enFieldIssues: Shape<typeof viFieldIssues> = {
  common: {
    date_format: 'The date must look like YYYY-MM-DD',
    date_invalid: 'That date does not exist',
    end_before_start: 'The end date is before the start date',
    full_name_required: 'Enter the full name',
    email_invalid: 'Invalid email address',
    phone_invalid: 'Invalid phone number',
    code_chars: 'The code may only hold unaccented letters, digits, _ . -',
    period_key_invalid: 'Invalid reporting period',
    id_invalid: 'An id is a positive whole number written in digits only',
    id_not_found: 'Not found, or you have no access to it',
    int_invalid: 'Must be a whole number written in digits only',
    date_range: 'The date must be between {{min}} and {{max}}',
    text_nul: 'The text holds a NUL character (code 0), which is not allowed',
  },
  admin_units: {
    province_code_digits: 'A province code has 2 digits',
  },
  auth: {
    username_required: 'Enter your username',
    password_required: 'Enter your password',
    password_min: 'The password needs at least 10 characters',
    password_letter: 'The password needs a letter',
    password_digit: 'The password needs a digit',
    token_name_required: 'Give the key a name',
  },
  certificates: {
    reason_min: 'The reason needs at least 3 characters',
  },
  orgs: {
    code_chars: 'The code may only hold letters, digits and . _ / -',
    admin_unit_code_digits: 'An administrative unit code has 2 (province) or 5 (commune) digits',
    name_min: 'The name needs at least 2 characters',
  },
  people: {
    cccd_digits: 'A CCCD has exactly 12 digits',
  },
  plans: {
    max_below_min: 'The maximum is below the minimum',
    yes_no_no_breakdown: 'A yes/no indicator has no breakdown',
    output_duplicate: 'This output is listed twice',
    indicators_min: 'Add at least one indicator',
    once_needs_due_date: 'A one-off report needs a due date',
    indicator_code_duplicate: 'The code {{code}} is used twice',
    recipients_list_or_changes: 'Send either the whole recipient list or what to add and remove — not both',
    amend_reason_required: 'Give the reason for the amendment',
  },
  training: {
    expiry_before_effective: 'The end date is before the date it takes effect',
    end_time_before_start: 'The end time must be after the start time',
    score_range: 'Scores run from 0 to 10',
    month_format: 'The month must look like YYYY-MM',
  },
  users: {
    username_min: 'The username needs at least 3 characters',
    username_chars: 'The username may only hold unaccented letters, digits and . _ -',
    grants_min: 'Give at least one role on an organisation',
  },
  volunteers: {
    under_age: 'Volunteers must be 18 or older',
    skill_unknown: 'This skill is not in the list',
    date_order: 'The end date must be after the start date',
    consent_required: 'Consent to be contacted and to the processing of personal data is required',
    as_of_future: 'The date to count as of cannot be after today',
  },
  blood: {
    volume_too_high: 'The volume is above what this weight allows ({{max}} ml)',
    volume_over_max: 'The volume is above the most one donation may take ({{max}} ml)',
    consent_health_needed:
      'Record the donor’s consent to the processing of health data before their group or weight',
    weight_range: 'Weight must be between 30 and 200 kg',
  },
  deployment: {
    member_not_proposed: 'This volunteer is not proposed in the wave',
    dates_outside_wave: 'The date must lie within the wave ({{from}} – {{to}})',
    date_order: 'The end date cannot be before the start date',
    team_leader_not_member: 'The team leader must be a volunteer of this wave',
    reason_min: 'The reason needs at least 10 characters',
    end_outside_assignment: 'The date must lie within the assignment ({{from}} – {{to}})',
    assignment_not_here: 'The assignment is not at this shift’s destination',
    assignment_not_covering: 'The shift’s day is outside the assignment',
    already_signed_up: 'Already signed up for this shift',
    shift_outside_wave: 'The shift must lie within the wave’s dates',
    shift_too_long: 'A shift lasts 24 hours at most',
    hours_over_shift: 'Hours cannot exceed the shift’s length ({{max}} h)',
    duplicate: 'This item is already listed above',
  },
  clubs: {
    province_code: 'A province code has 2 digits',
    province_unknown: 'No province has this code',
    instant_range: 'The time must be between the years 2000 and 2100',
    date_order: 'The end date must be after the start date',
    needed_by_past: 'The time blood is needed by must be in the future',
    already_member: 'This person is already a member of the club',
    ref_not_accepted: 'Donor #{{ref}} has not accepted',
    below_threshold: 'Has not reached {{threshold}} donations (has {{count}})',
    already_honoured: 'Already proposed or honoured at this level',
    rule_kind: 'This rule is for {{kind}} honours',
    nothing_to_propose: 'Choose at least one person or family to propose',
    family_no_leader: 'The family has no head (leader role) to record the honour on',
    rule_not_applicable: 'This rule does not hold for the proposing organisation at this time',
  },
};
