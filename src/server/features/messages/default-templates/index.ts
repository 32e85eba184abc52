import type { Locale } from '../../../../contract/common.js';
import type { MessageEvent, TemplateVariable } from '../../../../contract/messages.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { fr } from './fr.js';
import type { TemplateSet, TemplateText } from './types.js';

export type { TemplateText } from './types.js';

const DEFAULTS: Record<Locale, TemplateSet> = { en, fr, ar };

/** The wording shipped with Rabita, used until an administrator changes it. */
export function defaultTemplate(event: MessageEvent, locale: Locale): TemplateText {
  return DEFAULTS[locale][event];
}

/**
 * What a joining-instructions e-mail says in place of the instructions while the centre has
 * written none yet, so its main paragraph is never empty.
 */
export const INSTRUCTIONS_TO_FOLLOW: Record<Locale, string> = {
  en: 'The centre has not written the joining instructions for this session yet; they will follow. The dates and venue above are confirmed.',
  fr: "Le centre n'a pas encore rédigé les instructions de ralliement de cette session ; elles suivront. Les dates et le lieu ci-dessus sont confirmés.",
  ar: 'لم يُعِدّ المركز تعليمات الالتحاق بهذه الدورة بعد، وسترسل لاحقًا. أمّا التاريخ والمكان المذكوران أعلاه فمؤكَّدان.',
};

/** Plausible values for previews, so an administrator sees a realistic message. */
export const SAMPLE_VARIABLES: Record<TemplateVariable, string> = {
  recipientName: 'Fatima Al-Sabah',
  participantName: 'Maj. Ahmed Al-Mutairi',
  nationName: 'Kuwait',
  sessionCode: 'M5-66-A-24',
  activityTitle: 'Counter-Terrorism Awareness Course',
  startDate: '2026-03-08',
  endDate: '2026-03-12',
  venue: 'Kuwait City',
  reason: 'The quota of the nation is already used.',
  role: 'head of delegation',
  instructions: 'Report to the centre reception at 07:30 on the first day, in service dress.',
  link: 'https://rabita.example/nominations/example',
  surveyTitle: 'End-of-course evaluation',
  closesOn: '2026-04-11',
  certificateUrl: 'https://rabita.example/verify/Qm9vay1vZi1leGFtcGxlcw',
  myTrainingUrl: 'https://rabita.example/',
  changes:
    'Dates: 8–12 March 2026 → 15–19 March 2026\nVenue: Kuwait City → NATO Defense College, Rome',
  concerning:
    'This concerns Maj. Ahmed Al-Mutairi (selected). The calendar invitations attached replace the ones sent before.',
  dates: '15–19 March 2026',
  factor: 'A passkey named “Work laptop”',
  letterUrl: 'https://rabita.example/verify/letter/Qm9vay1vZi1leGFtcGxlcw',
  summary:
    'Of your 3 officers, 2 completed and 1 partially attended; attendance 93%. Across the session: 18 participants from 6 nations, 16 completed (89%), attendance 95%.',
  sessions:
    '• M5-66-A-24, Counter-Terrorism Awareness Course: 8–12 March 2026 at Kuwait City. Your quota: 4 seats. Nominations close on 1 February 2026 (end of day, Asia/Kuwait).',
};
