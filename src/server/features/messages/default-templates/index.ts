import type { Locale } from '../../../../contract/common.js';
import type { MessageEvent } from '../../../../contract/messages.js';
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

/** Plausible values for previews, so an administrator sees a realistic message. */
export const SAMPLE_VARIABLES: Record<string, string> = {
  recipientName: 'Fatima Al-Sabah',
  participantName: 'Maj. Ahmed Al-Mutairi',
  nationName: 'Kuwait',
  sessionCode: 'M5-66-A-24',
  activityTitle: 'Counter-Terrorism Awareness Course',
  startDate: '2026-03-08',
  endDate: '2026-03-12',
  venue: 'Kuwait City',
  reason: 'The quota of the nation is already used.',
  instructions: 'Report to the centre reception at 07:30 on the first day, in service dress.',
  link: 'https://rabita.example/nominations/example',
  surveyTitle: 'End-of-course evaluation',
  closesOn: '2026-04-11',
  certificateUrl: 'https://rabita.example/verify/Qm9vay1vZi1leGFtcGxlcw',
  myTrainingUrl: 'https://rabita.example/',
};
