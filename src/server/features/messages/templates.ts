import type { Locale } from '../../../contract/common.js';
import { LOCALES } from '../../../contract/common.js';
import {
  MESSAGE_EVENTS,
  type MessageEvent,
  type MessageTemplate,
  type RenderedMessage,
  TEMPLATE_VARIABLES,
  type TemplatePreviewRequest,
  type TemplateUpdate,
} from '../../../contract/messages.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { defaultTemplate, SAMPLE_VARIABLES, type TemplateText } from './default-templates/index.js';
import { maskSecretLinks } from './links.js';
import { presentTemplate } from './presenters.js';
import * as q from './queries.js';
import { placeholdersOf, renderSubject, renderText } from './render.js';

/** The wording in force for an event and language: the administrator's, else the default. */
export async function resolveTemplate(
  db: DbOrTx,
  event: MessageEvent,
  locale: Locale,
): Promise<TemplateText> {
  const row = await q.selectTemplate(db, event, locale);
  return row ? { subject: row.subject, body: row.body } : defaultTemplate(event, locale);
}

export function renderTemplate(
  template: TemplateText,
  variables: Readonly<Record<string, string>>,
): RenderedMessage {
  return {
    subject: renderSubject(template.subject, variables),
    body: renderText(template.body, variables),
  };
}

/** Every event in every language, edited or not, in the order of the contract. */
export async function listTemplates(ctx: ServiceContext): Promise<MessageTemplate[]> {
  const rows = await q.selectTemplates(ctx.tx);
  const byKey = new Map(rows.map((row) => [`${row.event}|${row.locale}`, row]));
  return MESSAGE_EVENTS.flatMap((event) =>
    LOCALES.map((locale) => presentTemplate(event, locale, byKey.get(`${event}|${locale}`))),
  );
}

export async function getTemplate(
  ctx: ServiceContext,
  event: MessageEvent,
  locale: Locale,
): Promise<MessageTemplate> {
  return presentTemplate(event, locale, await q.selectTemplate(ctx.tx, event, locale));
}

/** A typo such as {{participantNmae}} would silently print nothing; refuse it instead. */
function rejectUnknownPlaceholders(event: MessageEvent, text: { subject?: string; body?: string }) {
  const known = new Set<string>(TEMPLATE_VARIABLES[event]);
  const errors = (['subject', 'body'] as const).flatMap((field) =>
    placeholdersOf(text[field] ?? '')
      .filter((name) => !known.has(name))
      .map((name) => ({
        field,
        message: `{{${name}}} is not a value this e-mail has; use one of ${[...known].join(', ')}`,
        code: 'unknown_placeholder',
      })),
  );
  if (errors.length > 0) {
    throw new AppError(
      400,
      'validation_failed',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
  }
}

/** Stores the administrator's wording; it overrides the default from the next e-mail on. */
export async function updateTemplate(
  ctx: ServiceContext,
  event: MessageEvent,
  locale: Locale,
  input: TemplateUpdate,
): Promise<MessageTemplate> {
  rejectUnknownPlaceholders(event, input);
  const before = await getTemplate(ctx, event, locale);
  await q.upsertTemplate(ctx.tx, { event, locale, ...input, updatedBy: ctx.actor.id });
  const after = await getTemplate(ctx, event, locale);
  await recordAudit(ctx, {
    action: 'message_template.updated',
    entityType: 'message_template',
    entityId: `${event}/${locale}`,
    before: { subject: before.subject, body: before.body, customized: before.customized },
    after: { subject: after.subject, body: after.body },
  });
  return after;
}

/** Goes back to the shipped wording; nothing to do (and nothing audited) when it is already. */
export async function resetTemplate(
  ctx: ServiceContext,
  event: MessageEvent,
  locale: Locale,
): Promise<MessageTemplate> {
  const removed = await q.deleteTemplate(ctx.tx, event, locale);
  if (removed) {
    await recordAudit(ctx, {
      action: 'message_template.reset',
      entityType: 'message_template',
      entityId: `${event}/${locale}`,
      before: { subject: removed.subject, body: removed.body },
    });
  }
  return getTemplate(ctx, event, locale);
}

/** Renders stored or unsaved wording with sample values, overridden by the ones given. */
export async function previewTemplate(
  ctx: ServiceContext,
  event: MessageEvent,
  locale: Locale,
  input: TemplatePreviewRequest,
): Promise<RenderedMessage> {
  rejectUnknownPlaceholders(event, input);
  const stored = await resolveTemplate(ctx.tx, event, locale);
  const template = { subject: input.subject ?? stored.subject, body: input.body ?? stored.body };
  const rendered = renderTemplate(template, { ...SAMPLE_VARIABLES, ...input.variables });
  // A preview shows the wording, never a working one-time link, whatever values were given.
  return { subject: maskSecretLinks(rendered.subject), body: maskSecretLinks(rendered.body) };
}
