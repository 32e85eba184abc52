import type { MessageEvent } from '../../../../contract/messages.js';

export interface TemplateText {
  subject: string;
  body: string;
}

/** One language's wording of every e-mail. */
export type TemplateSet = Record<MessageEvent, TemplateText>;
