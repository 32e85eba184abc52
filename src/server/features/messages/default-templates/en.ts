import type { TemplateSet } from './types.js';

const SIGN_OFF = '\n\nKind regards,\nThe training centre';

export const en: TemplateSet = {
  'visa-letter-issued': {
    subject: 'Visa invitation letter: {{participantName}} ({{sessionCode}})',
    body: `Dear {{recipientName}},

The centre has issued the visa invitation letter of {{participantName}} ({{nationName}}) for session {{sessionCode}} ({{activityTitle}}): {{dates}}, {{venue}}. The letter is attached as a PDF, in English and Arabic, for the consulate.

A consulate can check that it is genuine on its verification page, also reached through the QR code on the letter:
{{letterUrl}}

You can download it again from the session's visa letters in Rabita:
{{link}}${SIGN_OFF}`,
  },
  'lecturer-letter-issued': {
    subject: 'Your invitation letter for {{sessionCode}}: {{activityTitle}}',
    body: `Dear {{recipientName}},

The centre invites you to take part as {{role}} in session {{sessionCode}}: {{activityTitle}}, {{dates}}, {{venue}}. Your invitation letter for the visa is attached as a PDF, in English and Arabic, for the consulate.

A consulate can check that it is genuine on its verification page, also reached through the QR code on the letter:
{{letterUrl}}${SIGN_OFF}`,
  },
  'nation-report': {
    subject: 'Post-course report ({{nationName}}): {{activityTitle}} ({{sessionCode}})',
    body: `Dear {{recipientName}},

The results of session {{sessionCode}} ({{activityTitle}}), {{dates}}, are closed. {{summary}}

The report on your nation's officers (results and attendance) with the session's overall figures is in Rabita:
{{link}}${SIGN_OFF}`,
  },
  'nomination-proposed': {
    subject: 'Nomination proposed: {{participantName}} for {{sessionCode}}',
    body: `Dear {{recipientName}},

{{participantName}} has been proposed for session {{sessionCode}} ({{activityTitle}}), from {{startDate}} to {{endDate}} (venue: {{venue}}).

The nomination now awaits review and submission by the national point of contact ({{nationName}}):
{{link}}${SIGN_OFF}`,
  },
  'nomination-submitted': {
    subject: 'Nomination submitted: {{participantName}} for {{sessionCode}}',
    body: `Dear {{recipientName}},

The national point of contact ({{nationName}}) has submitted the nomination of {{participantName}} for session {{sessionCode}} ({{activityTitle}}), from {{startDate}} to {{endDate}} (venue: {{venue}}).

The centre will review it and announce its decision after the nomination window closes:
{{link}}${SIGN_OFF}`,
  },
  'nomination-selected': {
    subject: 'Selected: {{participantName}}, {{activityTitle}} ({{sessionCode}})',
    body: `Dear {{recipientName}},

We are pleased to confirm that {{participantName}} has been selected for session {{sessionCode}} ({{activityTitle}}), from {{startDate}} to {{endDate}} (venue: {{venue}}).

Joining instructions will follow. Details:
{{link}}${SIGN_OFF}`,
  },
  'nomination-waitlisted': {
    subject: 'Waiting list: {{participantName}} for {{sessionCode}}',
    body: `Dear {{recipientName}},

The nomination of {{participantName}} for session {{sessionCode}} ({{activityTitle}}) has been placed on the waiting list.

If a seat becomes available, it is offered in waiting-list order and you will be informed at once:
{{link}}${SIGN_OFF}`,
  },
  'nomination-rejected': {
    subject: 'Nomination not accepted: {{participantName}} for {{sessionCode}}',
    body: `Dear {{recipientName}},

We regret to inform you that the nomination of {{participantName}} for session {{sessionCode}} ({{activityTitle}}) could not be accepted.

Reason: {{reason}}

Details:
{{link}}${SIGN_OFF}`,
  },
  'nomination-promoted': {
    subject: 'Seat available: {{participantName}} selected for {{sessionCode}}',
    body: `Dear {{recipientName}},

A seat has become available: {{participantName}} has moved from the waiting list to the selected participants of session {{sessionCode}} ({{activityTitle}}), from {{startDate}} to {{endDate}} (venue: {{venue}}).

Joining instructions will follow. Details:
{{link}}${SIGN_OFF}`,
  },
  'nomination-withdrawn': {
    subject: 'Nomination withdrawn: {{participantName}} for {{sessionCode}}',
    body: `Dear {{recipientName}},

The nomination of {{participantName}} for session {{sessionCode}} ({{activityTitle}}) has been withdrawn.

Reason: {{reason}}

Details:
{{link}}${SIGN_OFF}`,
  },
  'invitation-received': {
    subject: 'Invitation: {{participantName}} to {{sessionCode}} as {{role}}',
    body: `Dear {{recipientName}},

The centre invites {{participantName}} ({{nationName}}) as {{role}} to this activity: {{activityTitle}} (session {{sessionCode}}), from {{startDate}} to {{endDate}} (venue: {{venue}}).

Please accept or decline the invitation; a seat is held once it is accepted:
{{link}}${SIGN_OFF}`,
  },
  'invitation-withdrawn': {
    subject: 'Invitation withdrawn: {{participantName}} to {{sessionCode}}',
    body: `Dear {{recipientName}},

The centre has withdrawn its invitation of {{participantName}} ({{nationName}}) as {{role}} to this activity: {{activityTitle}} (session {{sessionCode}}), from {{startDate}} to {{endDate}} (venue: {{venue}}). No seat is held for {{participantName}} any more.

Reason: {{reason}}

Your nation's invitations:
{{link}}${SIGN_OFF}`,
  },
  'nomination-overridden': {
    subject: 'Eligibility accepted: {{participantName}} for {{sessionCode}}',
    body: `Dear {{recipientName}},

The centre has accepted {{participantName}} for session {{sessionCode}} ({{activityTitle}}), from {{startDate}} to {{endDate}} (venue: {{venue}}), although a rule of the course is not met.

Justification: {{reason}}

The nomination may now be submitted. Details:
{{link}}${SIGN_OFF}`,
  },
  'joining-instructions': {
    subject: 'Joining instructions: {{participantName}}, {{activityTitle}} ({{sessionCode}})',
    body: `Dear {{recipientName}},

Please find below the joining instructions for {{participantName}} ({{nationName}}), selected for session {{sessionCode}} ({{activityTitle}}), from {{startDate}} to {{endDate}} (venue: {{venue}}).

{{instructions}}

The attached calendar invitation adds the session to your calendar. Details:
{{link}}${SIGN_OFF}`,
  },
  'session-changed': {
    subject: 'Session changed: {{sessionCode}}, {{activityTitle}}',
    body: `Dear {{recipientName}},

The centre has changed session {{sessionCode}} ({{activityTitle}}):
{{changes}}

{{concerning}}

The session now runs {{dates}} (venue: {{venue}}). Details:
{{link}}${SIGN_OFF}`,
  },
  'session-cancelled': {
    subject: 'Session cancelled: {{sessionCode}}, {{activityTitle}}',
    body: `Dear {{recipientName}},

We regret to inform you that the centre has cancelled session {{sessionCode}} ({{activityTitle}}), planned for {{dates}} (venue: {{venue}}).

Reason: {{reason}}

{{concerning}}

Details:
{{link}}${SIGN_OFF}`,
  },
  'sessions-announced': {
    subject: 'New sessions open to your nation ({{nationName}})',
    body: `Dear {{recipientName}},

The centre has announced sessions open to nominations from your nation ({{nationName}}):
{{sessions}}

Nominations are submitted in Rabita before the deadline of each session:
{{link}}${SIGN_OFF}`,
  },
  'account-invitation': {
    subject: 'Your Rabita account',
    body: `Dear {{recipientName}},

An account has been created for you in Rabita, the training centre's system, as a participant ({{nationName}}). There you will find your sessions, joining instructions, surveys and certificates.

Choose your password with this link, valid for 14 days:
{{link}}

If you did not expect this message, you may ignore it.${SIGN_OFF}`,
  },
  'password-reset': {
    subject: 'Reset your Rabita password',
    body: `Dear {{recipientName}},

We received a request to reset the password of your Rabita account. Choose a new password with this link, valid for one hour and usable once:
{{link}}

If you did not make this request, ignore this message: your password stays unchanged.${SIGN_OFF}`,
  },
  'survey-invitation': {
    subject: 'Your opinion, please: {{activityTitle}} ({{sessionCode}})',
    body: `Dear {{recipientName}},

Session {{sessionCode}} ({{activityTitle}}), from {{startDate}} to {{endDate}}, asks for your evaluation: "{{surveyTitle}}" (participant: {{participantName}}).

It takes a few minutes. Please answer by {{closesOn}}:
{{link}}${SIGN_OFF}`,
  },
  'survey-reminder': {
    subject: 'Reminder, your opinion: {{activityTitle}} ({{sessionCode}})',
    body: `Dear {{recipientName}},

We have not yet received your answers to "{{surveyTitle}}" for session {{sessionCode}} ({{activityTitle}}) (participant: {{participantName}}). The survey closes on {{closesOn}}.

{{link}}

If you have answered in the meantime, thank you, and please ignore this message.${SIGN_OFF}`,
  },
  'certificate-issued': {
    subject: 'Your certificate: {{activityTitle}} ({{sessionCode}})',
    body: `Dear {{recipientName}},

Congratulations: the certificate of {{participantName}} for session {{sessionCode}} ({{activityTitle}}) has been issued.

Anyone can check that it is genuine on its verification page:
{{certificateUrl}}

You can download it under My training in Rabita:
{{myTrainingUrl}}${SIGN_OFF}`,
  },
  'second-factor-added': {
    subject: 'A second factor was added to your Rabita account',
    body: `Dear {{recipientName}},

{{factor}} was added to your Rabita account as a second factor for signing in. From now on, signing in asks for it after your password.

If you did not do this, sign in, remove it from your account page and tell the centre's administrator at once:
{{link}}${SIGN_OFF}`,
  },
  'second-factor-removed': {
    subject: 'A second factor was removed from your Rabita account',
    body: `Dear {{recipientName}},

{{factor}} was removed from your Rabita account and can no longer be used to sign in.

If you did not do this, tell the centre's administrator at once. Your account page:
{{link}}${SIGN_OFF}`,
  },
  'second-factors-reset': {
    subject: 'Your Rabita second factors were reset',
    body: `Dear {{recipientName}},

An administrator removed every second factor of your Rabita account (authenticator app, passkeys and recovery codes) and ended your open sessions. At your next sign-in, with your password, you may be asked to set up a new one.

If you did not ask for this, tell the centre's administrator at once. Your account page:
{{link}}${SIGN_OFF}`,
  },
};
