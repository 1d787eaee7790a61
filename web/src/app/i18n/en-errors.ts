import type { viErrors } from './vi-errors.ts';

export const enErrors: typeof viErrors = {
  unknown: 'Something went wrong. Please try again.',
  network: 'Cannot reach the server. Check the network and try again.',
  internal: 'The server ran into a problem. Please try again later.',
  validation_failed: 'Some data is not valid. Check the highlighted fields.',
  route: { not_found: 'This function does not exist.' },
  request: {
    malformed_json: 'The request is not valid JSON.',
    empty_body: 'The request has no content.',
    invalid: 'Invalid request.',
    invalid_reference: 'The data refers to a record that does not exist.',
    invalid_value: 'A value is invalid.',
    value_too_long: 'A value is too long.',
    rate_limited: 'Too many requests. Wait a moment and try again.',
    too_large: 'The file or data sent is too large.',
    unsupported_media_type: 'This file type is not supported. Use .csv or .xlsx.',
    upload_incomplete:
      'The upload was incomplete (the connection was cut before the whole file arrived). Send the file again.',
  },
  conflict: {
    duplicate: 'This duplicates an existing record.',
    retry: 'Someone changed this at the same time. Please try again.',
  },
  auth: {
    invalid_credentials: 'Wrong username or password.',
    locked: 'This account is locked after too many failed sign-ins. Try again later or ask an administrator.',
    lockedUntil:
      'This account is locked after too many failed sign-ins. Try again after {{time}} or ask an administrator.',
    rate_limited: 'Too many attempts. Wait a moment and try again.',
    unauthenticated: 'Your session has ended. Please sign in again.',
    forbidden: 'You are not allowed to do this.',
  },
  orgs: {
    not_found: 'Organisation not found, or you may not see it.',
    version_conflict:
      'Someone else just changed this organisation. The latest data has been loaded: check it and try again.',
    has_active_children:
      'This organisation still has active sub-organisations. Move, merge or close them first.',
    move_cycle: 'An organisation cannot be moved or merged into itself or one of its sub-organisations.',
    code_taken: 'This code is already used by another organisation.',
    not_active: 'This organisation is closed or merged.',
    root_requires_system_admin: 'Only a system administrator can create a top-level organisation.',
  },
  audit: {
    export_too_large:
      'The filters match {{total}} rows, more than the {{max}} one export holds: narrow the dates or add a filter.',
  },
  users: {
    not_found: 'User not found.',
    username_taken: 'This username is taken.',
    managed_elsewhere:
      'This user also holds roles outside your organisations: only an administrator above them all can change the account.',
    cannot_remove_own_admin: 'You cannot remove your own system administrator role.',
  },
  plans: {
    not_found: 'Plan not found, or you may not see it.',
    not_issued: 'The plan is not issued yet, or already closed.',
    not_draft: 'The plan is issued: it changes only by an amendment.',
    no_reporters: 'No unit reports on this plan yet: choose the recipients before issuing it.',
    report_locked: 'The report is submitted or accepted and cannot be changed; ask the issuer to return it.',
    report_version_conflict:
      'Someone else just saved this report. Reload before saving so nothing is overwritten.',
    version_conflict:
      'Someone else just changed this plan. The latest version is loaded; check it and try again.',
    form_closed: 'The form for this period is closed. Ask the issuing organisation to reopen it.',
    not_reviewable: 'The report is not submitted, so it cannot be reviewed yet.',
    attachment_too_large: 'The file is too large (10 MB per attachment).',
    attachment_type: 'Only PDF, Word (.docx), Excel (.xlsx) and images (PNG, JPEG, GIF, WEBP) are accepted.',
    attachments: { not_found: 'Attachment not found.' },
  },
  notifications: { not_found: 'Notification not found.' },
  plan_activities: { not_found: 'Activity not found.' },
  grants: { not_found: 'This role was not found within your reach.' },
  api_tokens: { not_found: 'API key not found.' },
  training: {
    course: { not_found: 'Course not found.' },
    trainer: { not_found: 'Trainer not found.' },
    request: { not_found: 'Training request not found, or you may not see it.' },
    class: { not_found: 'Class not found, or you may not see it.' },
    enrolment: { not_found: 'This learner is not in the class.' },
    session: { not_found: 'No such session.' },
    certificate: { not_found: 'Certificate not found, or you may not see it.' },
    certificates: { not_found: 'The class has no valid certificate to print yet.' },
    request_version_conflict:
      'Someone else has just handled this request. The latest data has been reloaded; check it and try again.',
    class_version_conflict:
      'Someone else has just changed this class. The latest data has been reloaded; check it and try again.',
    request_state:
      'The request has already been handled (scheduled or declined): this action is not possible.',
    request_closed:
      'The request is scheduled, declined or withdrawn: it can no longer be edited or withdrawn.',
    request_duplicate: 'A similar request is already open (no. {{requestId}}, course {{courseCode}}).',
    class_closed: 'The class is completed or cancelled: it can no longer be changed.',
    class_cancelled: 'The class was cancelled: no payment can be recorded for it.',
    class_transition: 'The class cannot move to that status from its current one.',
    too_few_trainers:
      'The class needs at least {{need}} trainers by the course rules ({{have}} assigned). Assign more on the “Trainers” tab.',
    too_few_hours:
      'The sessions add up to {{have}} h, short of the course’s {{need}} h. Add sessions on the “Sessions” tab.',
    class_no_sessions: 'The class has no sessions yet. Add them on the “Sessions” tab first.',
    class_not_started_yet: 'The class’s first session day ({{date}}) has not come: it cannot start yet.',
    class_not_ended_yet: 'The class’s last session day ({{date}}) has not come: it cannot end yet.',
    session_not_held_yet: 'The session of {{date}} has not taken place: attendance cannot be recorded yet.',
    certificates_class_not_ended:
      'The class has not ended: certificates are issued only once it has (the “Complete the class” button).',
    certificate_not_issued_for_course:
      'This course issues no certificate (group 4 of Decree 44/2016/NĐ-CP is only recorded in the training log).',
    certificate_not_valid: 'The certificate has been revoked or replaced: this action is not possible.',
  },
  people: {
    not_found: 'Person not found, or you may not see them.',
    duplicate: 'This person is already registered (same CCCD, or same name, birth date and phone).',
    identity_conflict: 'This person cannot be registered with the details entered; check the CCCD number.',
    version_conflict: 'Someone else has just edited this record. Reload before saving.',
    merged: 'This record was merged into another: edit the one kept.',
    merge_conflict:
      'Both records are in the same class or trainers of the same organisation: cancel the duplicate entry before merging.',
  },
  roster: {
    invalid: 'The roster has invalid rows: fix the rows listed and upload it again. Nothing was saved.',
    invalid_file: 'The roster file could not be read. Use an Excel file (.xlsx) like the template.',
  },
  admin_units: {
    not_found: 'Administrative unit not found.',
    import_invalid: 'Some rows of the file are not valid. Fix the rows below and upload again.',
  },
  volunteers: {
    // volunteers
    not_found: 'Volunteer not found, or you do not have access.',
    already_registered: 'This person is already in the unit’s volunteer registry: open the existing profile.',
    version_conflict: 'Someone else just changed this profile. Reload before saving.',
    person_required: 'Choose an existing person or enter a new one (one of the two).',
    transition_refused: 'The status cannot change from “{{from}}” to “{{to}}”.',
    deployed_by_assignment: '“Deployed” is set only when the volunteer is assigned in a mobilisation wave.',
    import_invalid: 'The list has {{count}} errors: fix the rows shown and upload again. Nothing was saved.',
    import_file: 'The file could not be read. Use an Excel (.xlsx) file following the template.',
  },
  waves: {
    // waves
    not_found: 'Mobilisation wave not found, or you do not have access to it.',
    member: { not_found: 'This volunteer is not on the wave.' },
    quota: { not_found: 'This quota is not part of the wave.' },
    version_conflict: 'Someone else has just changed this wave. Reload the page and try again.',
    transition: 'The wave cannot go from “{{from}}” to “{{to}}”.',
    not_draft: 'The wave is open: only the institutions’ quotas can still change.',
    not_open: 'The wave no longer takes proposals (not open yet, filled, closed or stood down).',
    no_quotas: 'Give at least one institution a quota before opening the wave.',
    over_quota:
      'The institution’s quota is {{quota}} and {{taken}} are already proposed: {{asked}} more cannot be added. Propose fewer or ask the issuer to raise the quota.',
    quota_has_members: '{{orgName}} has already proposed volunteers: its quota cannot be removed.',
    member_not_withdrawable: 'The volunteer has been deployed or already withdrawn and cannot be withdrawn.',
  },
  deployment: {
    // deployment
    wave: { not_found: 'Mobilisation wave not found, or you may not see it.' },
    assignment: { not_found: 'Assignment not found, or you may not see it.' },
    shift: { not_found: 'Shift not found, or you may not see it.' },
    signup: { not_found: 'Shift sign-up not found, or you may not see it.' },
    certificate: { not_found: 'No certificate has this number.' },
    overlap:
      '{{count}} volunteer(s) overlap another assignment: nobody was deployed. Change the dates, remove them, or override with a reason.',
    wave_state: 'The wave is “{{status}}”: volunteers cannot be deployed.',
    assignment_closed: 'The assignment is already “{{status}}”: it cannot change any more.',
    shift_full:
      'Not enough places on the shift (capacity {{capacity}}, {{booked}} booked): {{requested}} cannot be signed up.',
    shift_overlap:
      '{{count}} person(s) already have an overlapping shift: nobody was signed up. Remove them or override with a reason.',
    not_checked_in: 'Not checked in: cannot check out.',
    already_checked: 'Already recorded.',
    check_in_window: 'Check-in opens 1 hour before the shift starts and closes when it ends.',
    checkout_flagged: 'The missing check-out was flagged: the officer in charge enters the hours.',
    hours_missing: 'No hours yet: nothing to approve.',
    certificate_not_eligible:
      'Certificates are issued only to volunteers who completed their assignment (returned or past its end).',
  },
  volunteer_self: {
    // volunteer_self
    profile: { not_found: 'Volunteer not found, or you have no access to it.' },
    link: { not_found: 'This sign-up link does not exist, has expired or was deactivated.' },
    application: { not_found: 'Sign-up not found, or you have no access to it.' },
    assignment: { not_found: 'This assignment is not one of yours.' },
    account_exists: 'This person already has a sign-in ({{username}}).',
    application_decided: 'This sign-up has already been decided.',
    already_registered: "This person is already in the institution's volunteer registry.",
    assignment_closed: 'The assignment has ended or was cancelled: it can no longer be confirmed.',
    no_profile: 'Your account is not linked to a volunteer profile: please contact your volunteer officer.',
  },
  donors: {
    // donors
    not_found: 'Donor not found, or you have no access to it.',
    donation: { not_found: 'Donation not found, or you have no access to it.' },
    certificate: {
      not_found: 'There is no certificate of donation with this number.',
      none: 'No blood was taken at this attempt, so it has no certificate of donation.',
    },
    version_conflict: 'Someone else has just changed this donor. Reload before saving.',
    duplicate: 'This person is already on the donor list (profile {{id}}).',
    not_eligible: 'This person may not donate on this day: {{words}}.',
    health_forbidden: 'You may not write health data (blood group, weight, deferral reason) of this donor.',
  },
  drives: {
    // drives
    not_found: 'Blood drive not found, or you have no access to it.',
    booking: { not_found: 'Booking not found.' },
    slot: { not_found: 'No such slot.' },
    version_conflict: 'Someone else has just changed this drive. Reload before saving.',
    status_change: 'The drive cannot go from “{{from}}” to “{{to}}”.',
    not_open: 'The drive is not open: it takes no bookings.',
    desk_not_yet: 'The drive takes place on {{date}}: the desk checks donors in from that day.',
    hours_locked: 'Donors have booked: the day, hours and slot length cannot change. Edit slots one by one.',
    slot_full: 'This slot is full. Pick another slot, join the waitlist or register for the next drive.',
    capacity_below_booked: '{{booked}} donors have booked this slot: its capacity cannot be lower.',
    already_booked: 'This person already has a booking at this drive. Move it instead of booking again.',
    not_eligible: 'Cannot donate on that day: {{reasons}}.',
    booking_state: 'The booking is “{{status}}”: this cannot be done now.',
    token_invalid: 'The invitation code is wrong or belongs to another drive.',
    slot_started: 'This slot has already started. Pick a later one or walk in at the drive.',
    slot_not_ended: 'The slot has not ended yet: no-show cannot be recorded.',
    already_waiting: 'This person is already on this drive’s waitlist.',
    identity_conflict: 'This person cannot be registered with these details; check the ID number.',
  },
  clubs: {
    // clubs
    club: { not_found: 'Club not found, or you have no access to it.' },
    member: { not_found: 'This member is not in the club.' },
    callout: { not_found: 'Call-out not found.' },
    honour: { not_found: 'Honour proposal not found.' },
    club_in_use: 'The club has members or activities: it cannot be deleted; end the memberships first.',
    callout_closed: 'The call-out is closed.',
    not_a_donor: 'This account is not linked to a donor.',
    honour_decided: 'The proposal has been decided ({{status}}): it can no longer change.',
  },
  donor_self: {
    // donor_self
    no_person: 'This account is not linked to a donor. Ask the organiser to link your record.',
    booking: { not_found: 'Your booking was not found.' },
    drive: { not_found: 'No open blood drive with this number.' },
    certificate: { not_found: 'No certificate of donation of yours with this number.' },
  },
};
