import { z } from 'zod';

/** The e-mails Rabita sends; each has a template per language that an administrator may edit. */
export const MESSAGE_EVENTS = [
  'nomination-proposed',
  'nomination-submitted',
  'nomination-selected',
  'nomination-waitlisted',
  'nomination-rejected',
  'nomination-promoted',
  'nomination-withdrawn',
  'joining-instructions',
  'account-invitation',
  'password-reset',
] as const;
export const MessageEvent = z.enum(MESSAGE_EVENTS);
export type MessageEvent = z.infer<typeof MessageEvent>;
