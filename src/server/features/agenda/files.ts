import type { Locale } from '../../../contract/common.js';
import type { MessageAttachment } from '../../db/schema/index.js';
import { recordExport } from '../audit/record.js';
import type { Download } from '../certificates/downloads.js';
import { safeFilePart } from '../certificates/downloads.js';
import type { ServiceContext } from '../context.js';
import { presentItem } from './presenters.js';
import * as q from './queries.js';
import { renderAgendaPdf } from './render.js';
import { readableAgenda } from './service.js';

const fileName = (code: string, locale: Locale) => `agenda-${safeFilePart(code)}-${locale}.pdf`;

/** The printable agenda for a reader who may read it; each download is audited. */
export async function agendaPdf(
  ctx: ServiceContext,
  code: string,
  locale: Locale,
): Promise<Download> {
  const { session, items } = await readableAgenda(ctx, code);
  const body = await renderAgendaPdf(session, items, locale);
  await recordExport(ctx, {
    export: 'agenda-pdf',
    format: 'pdf',
    entityType: 'session',
    entityId: session.id,
  });
  return { filename: fileName(session.code, locale), contentType: 'application/pdf', body };
}

/**
 * The published agenda of a session as an e-mail attachment in one language, for the joining
 * instructions; null while it is a draft or has no item, so nothing half-made is sent.
 */
export async function publishedAgendaAttachment(
  ctx: Pick<ServiceContext, 'tx'>,
  sessionCode: string,
  locale: Locale,
): Promise<MessageAttachment | null> {
  const session = await q.selectAgendaSession(ctx.tx, sessionCode);
  if (!session?.agendaPublishedAt) return null;
  const rows = await q.selectItems(ctx.tx, session.id);
  if (rows.length === 0) return null;
  const speakers = await q.selectSpeakers(
    ctx.tx,
    rows.map((r) => r.item.id),
  );
  const items = rows.map((row) => presentItem(row, speakers, session.timeZone));
  const pdf = await renderAgendaPdf(session, items, locale);
  return {
    filename: fileName(session.code, locale),
    contentType: 'application/pdf',
    content: pdf.toString('base64'),
    encoding: 'base64',
  };
}
