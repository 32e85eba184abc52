import { z } from 'zod';
import { NewPassword } from './auth.js';
import { IsoDateTime, Locale } from './common.js';
import { text } from './text.js';

/** The e-mails Rabita sends; each has a template per language that an administrator may edit. */
export const MESSAGE_EVENTS = [
  'nomination-proposed',
  'nomination-submitted',
  'nomination-selected',
  'nomination-waitlisted',
  'nomination-rejected',
  'nomination-promoted',
  'nomination-withdrawn',
  'nomination-overridden',
  'invitation-received',
  'invitation-withdrawn',
  'joining-instructions',
  'session-changed',
  'session-cancelled',
  'sessions-announced',
  'account-invitation',
  'password-reset',
  'survey-invitation',
  'survey-reminder',
  'certificate-issued',
  'second-factor-added',
  'second-factor-removed',
  'second-factors-reset',
  'visa-letter-issued',
  'lecturer-letter-issued',
  'nation-report',
] as const;
export const MessageEvent = z.enum(MESSAGE_EVENTS);
export type MessageEvent = z.infer<typeof MessageEvent>;

const NOMINATION_VARIABLES = [
  'recipientName',
  'participantName',
  'nationName',
  'sessionCode',
  'activityTitle',
  'startDate',
  'endDate',
  'venue',
  'link',
] as const;

const SURVEY_VARIABLES = [
  'recipientName',
  'participantName',
  'sessionCode',
  'activityTitle',
  'startDate',
  'endDate',
  'surveyTitle',
  'closesOn',
  'link',
] as const;

/**
 * The {{placeholders}} each event's template may use; callers of `queueEmail` pass these names.
 * `recipientName` defaults to the recipient account's name when the caller leaves it out.
 */
export const TEMPLATE_VARIABLES = {
  'nomination-proposed': NOMINATION_VARIABLES,
  'nomination-submitted': NOMINATION_VARIABLES,
  'nomination-selected': NOMINATION_VARIABLES,
  'nomination-waitlisted': NOMINATION_VARIABLES,
  'nomination-rejected': [...NOMINATION_VARIABLES, 'reason'],
  'nomination-promoted': NOMINATION_VARIABLES,
  'nomination-withdrawn': [...NOMINATION_VARIABLES, 'reason'],
  'nomination-overridden': [...NOMINATION_VARIABLES, 'reason'],
  // `role` is the invitee's role in the reader's language (speaker, head of delegation...).
  'invitation-received': [...NOMINATION_VARIABLES, 'role'],
  'invitation-withdrawn': [...NOMINATION_VARIABLES, 'role', 'reason'],
  'joining-instructions': [...NOMINATION_VARIABLES, 'instructions'],
  // `changes` lists each change as before -> after, `concerning` says whom it is about and
  // what happens to their seats and calendars, `dates` is the session's span as it is now.
  'session-changed': [
    'recipientName',
    'sessionCode',
    'activityTitle',
    'changes',
    'concerning',
    'dates',
    'venue',
    'link',
  ],
  'session-cancelled': [
    'recipientName',
    'sessionCode',
    'activityTitle',
    'dates',
    'venue',
    'reason',
    'concerning',
    'link',
  ],
  // One e-mail per NPOC per day; `sessions` lists each session with the nation's quota and
  // the nomination deadline.
  'sessions-announced': ['recipientName', 'nationName', 'sessions', 'link'],
  'account-invitation': ['recipientName', 'participantName', 'nationName', 'link'],
  'password-reset': ['recipientName', 'link'],
  'survey-invitation': SURVEY_VARIABLES,
  'survey-reminder': SURVEY_VARIABLES,
  'certificate-issued': [
    'recipientName',
    'participantName',
    'activityTitle',
    'sessionCode',
    'certificateUrl',
    'myTrainingUrl',
  ],
  // `factor` names what was added or removed (an authenticator app, a passkey and its name).
  'second-factor-added': ['recipientName', 'factor', 'link'],
  'second-factor-removed': ['recipientName', 'factor', 'link'],
  'second-factors-reset': ['recipientName', 'link'],
  // To each NPOC of the participant's nation; `letterUrl` is the letter's public check.
  'visa-letter-issued': [
    'recipientName',
    'participantName',
    'nationName',
    'sessionCode',
    'activityTitle',
    'dates',
    'venue',
    'letterUrl',
    'link',
  ],
  // To a lecturer or speaker, their own invitation letter attached; `role` is the part they
  // are invited to play, in the reader's language.
  'lecturer-letter-issued': [
    'recipientName',
    'sessionCode',
    'activityTitle',
    'dates',
    'venue',
    'role',
    'letterUrl',
  ],
  // To each NPOC of a participating nation once results close; `summary` gives their officers'
  // results beside the session's rates, naming nobody of another nation.
  'nation-report': [
    'recipientName',
    'nationName',
    'sessionCode',
    'activityTitle',
    'dates',
    'summary',
    'link',
  ],
} as const satisfies Record<MessageEvent, readonly string[]>;

/** Every placeholder name any template may use. */
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[MessageEvent][number];

/**
 * The values an e-mail of one event must be given: every placeholder its template may use, so
 * the compiler refuses a caller that forgets one (a joining-instructions e-mail once went out
 * with its main paragraph empty). `recipientName` is filled from the account when left out;
 * `queueEmail` refuses a blank value at run time.
 */
export type TemplateVariables<E extends MessageEvent> = Omit<
  Record<(typeof TEMPLATE_VARIABLES)[E][number], string>,
  'recipientName'
> & { recipientName?: string };

/** The in-app notification kinds; the web app words each as `notifications.kinds.<kind>`. */
export const NOTIFICATION_KINDS = [
  'nomination-proposed',
  'nomination-submitted',
  'nomination-declined',
  'nomination-selected',
  'nomination-waitlisted',
  'nomination-rejected',
  'nomination-promoted',
  'nomination-withdrawn',
  'nomination-overridden',
  'invitation-received',
  'invitation-declined',
  'invitation-withdrawn',
  'session-changed',
  'session-cancelled',
  'session-announced',
  'survey-invitation',
  'certificate-issued',
  'visa-letter-issued',
  'nation-report',
] as const;

export const TemplateSubject = text()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\r\n]*$/, 'must be one line');
export const TemplateBody = text().trim().min(1).max(10_000);

export const MessageTemplate = z
  .object({
    event: MessageEvent,
    locale: Locale,
    subject: z.string(),
    body: z.string(),
    /** False while the wording is the default one shipped with Rabita. */
    customized: z.boolean(),
    updatedAt: IsoDateTime.nullable(),
    updatedByName: z.string().nullable(),
    variables: z.array(z.string()),
    defaultSubject: z.string(),
    defaultBody: z.string(),
  })
  .meta({ id: 'MessageTemplate' });
export type MessageTemplate = z.infer<typeof MessageTemplate>;

export const TemplateParams = z.strictObject({ event: MessageEvent, locale: Locale });

export const TemplateUpdate = z.strictObject({ subject: TemplateSubject, body: TemplateBody });
export type TemplateUpdate = z.infer<typeof TemplateUpdate>;

export const TemplatePreviewRequest = z.strictObject({
  /** Unsaved wording to try; the stored (or default) one when left out. */
  subject: TemplateSubject.optional(),
  body: TemplateBody.optional(),
  /** Values to put in; sample values fill the rest. */
  variables: z.record(z.string().regex(/^\w{1,40}$/), text().max(2000)).optional(),
});
export type TemplatePreviewRequest = z.infer<typeof TemplatePreviewRequest>;

export const RenderedMessage = z.object({ subject: z.string(), body: z.string() });
export type RenderedMessage = z.infer<typeof RenderedMessage>;

/** pending: waiting to be sent (or no SMTP server is set); sent; failed after the last attempt. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export const OutboxStatus = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const OutboxListQuery = z.strictObject({
  status: OutboxStatus.optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutboxListQuery = z.infer<typeof OutboxListQuery>;

export const OutboxId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const OutboxSummary = z
  .object({
    id: z.number().int(),
    event: z.string(),
    locale: z.string(),
    to: z.string(),
    subject: z.string(),
    status: OutboxStatus,
    attempts: z.number().int(),
    nextAttemptAt: IsoDateTime,
    lastError: z.string().nullable(),
    sentAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'OutboxSummary' });
export type OutboxSummary = z.infer<typeof OutboxSummary>;

export const OutboxMessage = OutboxSummary.extend({
  body: z.string(),
  attachments: z.array(
    z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() }),
  ),
}).meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const Notification = z.object({
  id: z.number().int(),
  kind: z.string(),
  params: z.record(z.string(), z.string()),
  link: z.string().nullable(),
  readAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.strictObject({
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  unread: z.enum(['true', 'false']).optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationList = z.object({
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationParams = z.strictObject({ id: OutboxId });

export const PasswordResetRequest = z.strictObject({ email: z.email().max(254) });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** The secret of a one-time link: 32 random bytes in base64url. */
export const PasswordToken = z.string().regex(/^[\w-]{20,100}$/, 'is not a valid link');

export const PasswordResetComplete = z.strictObject({
  token: PasswordToken,
  newPassword: NewPassword,
});
export type PasswordResetComplete = z.infer<typeof PasswordResetComplete>;
