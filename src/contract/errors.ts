import { z } from 'zod';

/** What the registry knows of one problem code: the HTTP status it comes with, and its meaning. */
export interface ErrorCodeInfo {
  readonly status: number;
  readonly description: string;
}

/**
 * Every `code` a problem+json answer can carry, as Fastify's `lib/errors.js` lists its own. The
 * server may only throw these (AppError is typed by them), the OpenAPI document lists them, and
 * the web has a message for each in every language (a unit test checks). Never rename one:
 * clients branch on them. Field codes inside `errors[]` (`too_small`, `password_too_short`...)
 * are a different, finer list.
 */
export const ERROR_CODES = {
  // Request shape, answered before any rule runs.
  validation_failed: {
    status: 400,
    description: 'A field is missing or invalid; `errors` names each one.',
  },
  invalid_json: { status: 400, description: 'The body is not valid JSON.' },
  invalid_request: {
    status: 400,
    description: 'The request is malformed in a way no field explains.',
  },
  invalid_url: {
    status: 400,
    description: 'The path cannot be decoded (400) or a path value is too long (414).',
  },
  invalid_value: {
    status: 400,
    description: 'The database refused a value, e.g. a date out of its range.',
  },
  body_too_large: { status: 413, description: 'The body is larger than the route accepts.' },
  unsupported_media_type: {
    status: 415,
    description: 'The body is not of a content type the route accepts.',
  },
  // Who is asking.
  unauthenticated: { status: 401, description: 'No live session or token: sign in.' },
  invalid_credentials: { status: 401, description: 'The e-mail or password is not correct.' },
  invalid_token: { status: 401, description: 'The bearer token is unknown, expired or revoked.' },
  csrf_failed: {
    status: 403,
    description: 'A cookie-authenticated write lacks the session’s x-csrf-token.',
  },
  forbidden: { status: 403, description: 'Your role does not allow this action.' },
  token_cannot_mint: { status: 403, description: 'An API token cannot create API tokens.' },
  token_invalid: { status: 400, description: 'The password or invitation link is not valid.' },
  token_used: { status: 410, description: 'The password or invitation link was already used.' },
  token_expired: { status: 410, description: 'The password or invitation link has expired.' },
  wrong_password: { status: 400, description: 'The current password is not correct.' },
  rate_limited: {
    status: 429,
    description: 'Too many requests from this address; wait and retry.',
  },
  sign_in_delayed: {
    status: 429,
    description: 'Too many failed sign-ins; wait `retryAfter` seconds.',
  },
  second_factor_required: {
    status: 401,
    description:
      'The password is right; finish with a second factor (`methods`) at /auth/second-step.',
  },
  second_factor_enrolment_required: {
    status: 401,
    description: 'The password is right; your role requires a second factor: set one up first.',
  },
  second_step_expired: {
    status: 401,
    description: 'No sign-in is waiting for a second step, or it is over 5 minutes old.',
  },
  second_factor_invalid: { status: 401, description: 'The code or passkey was not accepted.' },
  second_factor_reused: {
    status: 401,
    description: 'This code was already used; wait for the next one.',
  },
  second_factor_clock_skew: {
    status: 401,
    description: 'The code belongs to another time: the device’s clock is wrong.',
  },
  totp_already_enrolled: {
    status: 409,
    description: 'An authenticator app is already set up; remove it before setting up another.',
  },
  no_enrolment_pending: {
    status: 409,
    description: 'No authenticator app or passkey enrolment was started, or it has expired.',
  },
  // What is asked for.
  not_found: { status: 404, description: 'The record does not exist, or is outside your nation.' },
  route_not_found: { status: 404, description: 'No route has this method and path.' },
  // Records that must be unique.
  identity_provider_exists: {
    status: 409,
    description: 'An identity provider with this key already exists.',
  },
  email_taken: { status: 409, description: 'A user with this e-mail already exists.' },
  framework_exists: { status: 409, description: 'A framework with this code already exists.' },
  nation_exists: { status: 409, description: 'A nation with this code already exists.' },
  institution_exists: { status: 409, description: 'An institution with this code already exists.' },
  discipline_exists: { status: 409, description: 'A discipline with this code already exists.' },
  activity_exists: { status: 409, description: 'An activity with this code already exists.' },
  venue_exists: { status: 409, description: 'A venue with this code already exists.' },
  session_exists: { status: 409, description: 'A session with this code already exists.' },
  survey_template_exists: {
    status: 409,
    description: 'A survey template with this code already exists.',
  },
  possible_duplicate: {
    status: 409,
    description: 'The person looks like someone registered; `existing` lists them.',
  },
  // Life cycles and their rules.
  invalid_transition: {
    status: 409,
    description: 'The record’s state does not allow this move; the answer names the allowed ones.',
  },
  sso_only: {
    status: 409,
    description: 'The account signs in only through single sign-on; it has no password.',
  },
  cannot_demote_self: {
    status: 409,
    description: 'You cannot deactivate yourself or drop your own administrator role.',
  },
  session_not_editable: { status: 409, description: 'The session is completed or cancelled.' },
  session_cancelled: { status: 409, description: 'The session is cancelled.' },
  session_started: {
    status: 409,
    description: 'The session has started; a nomination can no longer be withdrawn.',
  },
  staff_conflict: {
    status: 409,
    description:
      'A director or instructor is on another session those days; `conflicts` lists them.',
  },
  lecturer_conflict: {
    status: 409,
    description:
      'The lecturer is on another session those days or unavailable; `conflicts` lists why.',
  },
  lecturer_assigned: { status: 409, description: 'The lecturer is already on this session.' },
  lecturer_email_exists: {
    status: 409,
    description: 'Another lecturer in the registry has this e-mail.',
  },
  room_conflict: {
    status: 409,
    description: 'Another session holds the room on some of those days; `conflicts` lists them.',
  },
  host_nation_at_centre: {
    status: 400,
    description:
      "A host nation was named for a session at the centre's own venue, other than the venue's country.",
  },
  room_exists: { status: 409, description: 'The venue already has a room of this name.' },
  agenda_speaker_conflict: {
    status: 409,
    description:
      'A speaker of the item speaks at the same time on another agenda item (of any session); `conflicts` lists them; nothing was written.',
  },
  agenda_room_conflict: {
    status: 409,
    description:
      'The room holds another agenda item at the same time; `conflicts` lists them; nothing was written.',
  },
  agenda_outside_session: {
    status: 422,
    description: "The agenda item is not within the session's days in the venue's time zone.",
  },
  agenda_times_reversed: {
    status: 422,
    description: 'The agenda item ends at or before its start.',
  },
  venue_closed: { status: 409, description: 'The venue is closed on the new first or last day.' },
  plan_already_accepted: {
    status: 409,
    description: 'The year already has an accepted plan version; its sessions are in the calendar.',
  },
  plan_week_unavailable: {
    status: 409,
    description:
      'The session does not fit that week at that venue: a closed day, Ramadan or an Eid, the year’s end, or a venue its delivery does not allow.',
  },
  plan_inputs_changed: {
    status: 409,
    description:
      "The year's programmes, sessions, venues or locks changed while the plan was solved; plan again.",
  },
  outside_programme_years: {
    status: 409,
    description: 'A nomination would leave the years its programme line plans.',
  },
  breaks_eligibility: {
    status: 409,
    description: 'A nomination would fail a dated eligibility rule at the new dates.',
  },
  window_closed: { status: 409, description: 'The session’s nomination window is closed.' },
  already_nominated: {
    status: 409,
    description: 'The person already has an open nomination for this session.',
  },
  no_seat: {
    status: 409,
    description: 'Neither the nation’s quota nor the open pool has a seat left.',
  },
  selection_conflict: {
    status: 409,
    description: 'The person is selected on an overlapping session; `conflicts` lists them.',
  },
  role_not_allowed: {
    status: 422,
    description: 'The activity’s kind does not have this role; `allowed` lists those it has.',
  },
  seats_by_quota: {
    status: 422,
    description: 'The activity’s kind gives seats through nominations, not invitations.',
  },
  invitation_only: {
    status: 422,
    description:
      'The activity’s kind gives seats by the centre’s invitations by name: a nation cannot nominate.',
  },
  invitation_closed: {
    status: 409,
    description:
      'The invitation was declined or withdrawn already (`rsvp` says which): it cannot be withdrawn.',
  },
  delegation_head: {
    status: 422,
    description: 'A delegation invited together needs one head of delegation, and never two.',
  },
  not_invited: {
    status: 409,
    description: 'The nomination is not an invitation that can take this answer now.',
  },
  not_eligible: {
    status: 422,
    description: 'The person fails a hard eligibility rule; `eligibility` explains.',
  },
  idempotency_key_reused: {
    status: 422,
    description: 'This Idempotency-Key came with a different body.',
  },
  not_selected: {
    status: 409,
    description: 'Logistics are collected for selected nominations only.',
  },
  not_a_session_day: { status: 400, description: 'The day is not a working day of the session.' },
  not_a_participant: {
    status: 400,
    description: 'The person is not a selected participant of the session.',
  },
  duplicate_mark: { status: 400, description: 'The same attendance cell is sent twice.' },
  day_not_started: { status: 409, description: 'The day has not begun at the venue.' },
  invalid_code: {
    status: 400,
    description: 'The check-in code is forged, malformed or not yet valid.',
  },
  code_expired: { status: 410, description: 'The check-in code was for a past day.' },
  results_closed: { status: 409, description: 'The session’s results are closed.' },
  results_not_closed: { status: 409, description: 'The session’s results are not closed.' },
  results_unconfirmed: {
    status: 409,
    description: 'Some participants lack a confirmed result; `unconfirmed` lists them.',
  },
  session_not_delivered: {
    status: 409,
    description: 'Results are confirmed once the session is in progress.',
  },
  template_in_use: {
    status: 409,
    description: 'The survey template has answers or is used by an activity.',
  },
  already_answered: { status: 409, description: 'This survey was already answered.' },
  survey_closed: { status: 409, description: 'This survey invitation is no longer open.' },
  no_supervisor_survey: { status: 409, description: 'The activity asks no supervisor survey.' },
  supervisor_already_invited: { status: 409, description: 'The supervisor was already asked.' },
  not_completed: { status: 409, description: 'The participant has not completed the session.' },
  results_not_applicable: {
    status: 409,
    description: 'The activity’s kind has no results (an event, a visit or an exercise).',
  },
  no_certificate_for_kind: {
    status: 409,
    description: 'The activity’s kind issues no certificate (an expert visit or staff talks).',
  },
  not_attended: {
    status: 409,
    description: 'A certificate of attendance needs at least one day marked present.',
  },
  already_certified: {
    status: 409,
    description: 'The participant already holds a valid certificate.',
  },
  already_revoked: { status: 409, description: 'The certificate is already revoked.' },
  certificate_revoked: { status: 409, description: 'The certificate is revoked.' },
  passport_data_missing: {
    status: 422,
    description: 'A visa letter needs the passport number and passport name; nothing was issued.',
  },
  lecturer_passport_missing: {
    status: 422,
    description:
      "A lecturer's invitation letter needs their passport name, number and nationality; nothing was issued.",
  },
  letter_revoked: { status: 409, description: 'The visa letter was replaced or revoked.' },
  no_certificates: { status: 409, description: 'The session has no valid certificate.' },
  programme_not_editable: {
    status: 409,
    description: 'The programme’s outline cannot change in its state.',
  },
  planned_activity_in_use: {
    status: 409,
    description: 'Nominations serve a planned activity the change removes.',
  },
  already_sent: { status: 409, description: 'The e-mail was already sent.' },
  link_unknown: {
    status: 409,
    description:
      'The one-time link in the e-mail no longer leads anywhere (used, answered, or replaced by a newer e-mail); nothing was sent.',
  },
  // The server's own trouble.
  internal_error: {
    status: 500,
    description: 'Something went wrong on the server; quote the request id.',
  },
  database_unavailable: {
    status: 503,
    description: 'The database cannot be reached; retry shortly.',
  },
  server_unavailable: {
    status: 503,
    description:
      'Answered by the proxy in front of several app servers (deploy/cluster) when the server handling the request went away: it may or may not have been carried out; check, then retry.',
  },
  // Imports.
  import_file_too_large: {
    status: 413,
    description: 'The file is over the 20 MB an import takes; `limit` and `size` in bytes.',
  },
  import_unreadable: {
    status: 422,
    description: 'The file is not a CSV or XLSX that can be read (or not what its name says).',
  },
  import_empty: { status: 422, description: 'The file has no header row or no data rows.' },
  import_too_many_rows: {
    status: 422,
    description: 'The file has more rows than an import takes; `limit` and `rows`.',
  },
  import_missing_columns: {
    status: 422,
    description: 'Required columns are neither found nor mapped; `columns` lists them.',
  },
  import_has_errors: {
    status: 422,
    description: 'Rows have errors: an import with errors is not committed.',
  },
  import_wrong_state: {
    status: 409,
    description: 'The import is not in the state this step needs; `status` says which it is.',
  },
  import_rows_changed: {
    status: 409,
    description: 'People the import wrote were changed since, so it cannot be undone; `touched`.',
  },
  // Documents.
  document_too_large: {
    status: 413,
    description: 'The document is over the upload limit; `limit` and `size` in bytes.',
  },
  document_empty: { status: 422, description: 'The file is empty.' },
  document_type_refused: {
    status: 422,
    description:
      'The file’s content is not a PDF, Word, Excel or PowerPoint document (.docx, .xlsx, .pptx), PNG, JPEG or plain text.',
  },
  document_type_mismatch: {
    status: 422,
    description:
      'The file’s content is not what its name says (e.g. a PNG named .pdf); `detected` names what it is.',
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;
/** The status a code comes with. */
export type ErrorStatus<C extends ErrorCode> = (typeof ERROR_CODES)[C]['status'];

export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];
export const ErrorCode = z.enum(ERROR_CODE_NAMES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
