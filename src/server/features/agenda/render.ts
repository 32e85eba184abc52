import type { AgendaItem } from '../../../contract/agenda.js';
import type { Locale } from '../../../contract/common.js';
import { createCanvas } from '../results/pdf-canvas.js';
import type { AgendaSession } from './queries.js';

const WORDS: Record<
  Locale,
  {
    title: string;
    draft: string;
    times: string;
    time: string;
    item: string;
    speakers: string;
    room: string;
    empty: string;
  }
> = {
  en: {
    title: 'Agenda',
    draft: 'Draft: not yet published',
    times: 'Times are local to the venue',
    time: 'Time',
    item: 'Item',
    speakers: 'Speakers',
    room: 'Room',
    empty: 'No items yet.',
  },
  fr: {
    title: 'Programme',
    draft: 'Brouillon : pas encore publié',
    times: 'Heures locales du lieu',
    time: 'Heure',
    item: 'Point',
    speakers: 'Intervenants',
    room: 'Salle',
    empty: 'Aucun point pour le moment.',
  },
  ar: {
    title: 'جدول الأعمال',
    draft: 'مسودة: لم يُنشر بعد',
    times: 'الأوقات بالتوقيت المحلي لمكان الانعقاد',
    time: 'الوقت',
    item: 'البند',
    speakers: 'المتحدثون',
    room: 'القاعة',
    empty: 'لا توجد بنود بعد.',
  },
};

// Western digits in Arabic too, as on visa letters: times are read against a watch.
const DATE_LOCALES: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', ar: 'ar-u-nu-latn' };

const pick = (text: { en: string; fr?: string; ar?: string }, locale: Locale) =>
  text[locale]?.trim() || text.en;

/** A day of the agenda as its heading: "Sunday 7 March 2027", in the reader's language. */
function dayHeading(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .format(new Date(`${date}T00:00:00Z`))
    .replace(/[\u200e\u200f\u061c]/g, '');
}

function speakerName(speaker: AgendaItem['speakers'][number], locale: Locale): string {
  const name = locale === 'ar' && speaker.nameArabic ? speaker.nameArabic : speaker.nameLatin;
  return speaker.title ? `${speaker.title} ${name}` : name;
}

/**
 * The printable agenda of a session in one language: a table per day on the venue's clock,
 * laid out right to left in Arabic through the certificates' shaping and bidi step.
 */
export async function renderAgendaPdf(
  session: AgendaSession,
  items: readonly AgendaItem[],
  locale: Locale,
): Promise<Buffer> {
  const w = WORDS[locale];
  const title = pick(session.activityTitle, locale);
  const canvas = await createCanvas(locale, `${w.title}: ${title} (${session.code})`);
  canvas.heading(`${w.title}: ${title}`, 16);
  canvas.paragraph(`${session.code} · ${pick(session.venueName, locale)}`, { color: '#5c6478' });
  canvas.paragraph(`${w.times} (${session.timeZone})`, { size: 9, color: '#5c6478' });
  if (!session.agendaPublishedAt) canvas.paragraph(w.draft, { weight: 'bold', color: '#b42318' });
  canvas.gap(6);
  if (items.length === 0) canvas.paragraph(w.empty);
  const days = [...new Set(items.map((i) => i.localStartsAt.slice(0, 10)))];
  for (const day of days) {
    canvas.heading(dayHeading(day, locale), 12);
    canvas.table(
      [
        { label: w.time, width: 1.3 },
        { label: w.item, width: 3 },
        { label: w.speakers, width: 2.5 },
        { label: w.room, width: 1.5 },
      ],
      items
        .filter((i) => i.localStartsAt.startsWith(day))
        .map((i) => [
          `${i.localStartsAt.slice(11)}–${i.localEndsAt.slice(11)}`,
          pick(i.title, locale),
          i.speakers.map((s) => speakerName(s, locale)).join('\n'),
          i.room?.name ?? '',
        ]),
      9.5,
    );
  }
  return canvas.finish((page, pages) => `${session.code} · ${w.title} · ${page}/${pages}`);
}
