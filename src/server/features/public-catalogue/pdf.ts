import type { LocalizedText } from '../../../contract/common.js';
import type { PublicCatalogue, PublicSession } from '../../../contract/public-catalogue.js';
import { ARABIC_SCALE } from '../certificates/pdf/layout.js';
import { createCanvas } from '../results/pdf-canvas.js';
import { type CatalogueLanguage, prerequisiteLines, WORDING } from './wording.js';

const ACCENT = '#2f4b9a';
const MUTED = '#5c6478';
const LANGUAGES: readonly CatalogueLanguage[] = ['en', 'fr', 'ar'];

const textIn = (t: { en: string; fr?: string; ar?: string } | null, l: CatalogueLanguage) =>
  t ? (t[l] ?? t.en) : '';

function datesIn(s: PublicSession, language: CatalogueLanguage): string {
  const format = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.formatRange(
    new Date(`${s.startDate}T00:00:00Z`),
    new Date(`${s.endDate}T00:00:00Z`),
  );
}

function venueIn(venue: PublicSession['venue'], language: CatalogueLanguage): string {
  const name = textIn(venue.name as LocalizedText, language);
  // The city is kept in Latin script: in Arabic the venue's own name stands alone.
  return venue.city && language !== 'ar' && !name.includes(venue.city)
    ? `${name}, ${venue.city}`
    : name;
}

/**
 * The year's public catalogue as an A4 PDF in English, French and Arabic: how to apply, then
 * each activity in the three languages in turn (Arabic right to left, shaped as certificates
 * are), with its description, duration, delivery, prerequisites and sessions.
 */
export async function renderCataloguePdf(catalogue: PublicCatalogue): Promise<Buffer> {
  const { year } = catalogue;
  const canvas = await createCanvas('en', WORDING.en.title(year), {
    creationDate: new Date(`${year - 1}-12-01T00:00:00Z`),
  });
  const style = (language: CatalogueLanguage, size: number) => ({
    size: language === 'ar' ? size * ARABIC_SCALE : size,
    direction: language === 'ar' ? ('rtl' as const) : ('ltr' as const),
  });
  for (const language of LANGUAGES) {
    const w = WORDING[language];
    canvas.paragraph(w.title(year), { ...style(language, 18), weight: 'bold', color: ACCENT });
    canvas.paragraph(w.intro, style(language, 10));
    canvas.gap(4);
    canvas.paragraph(w.howToApplyTitle, { ...style(language, 11), weight: 'bold' });
    canvas.paragraph(w.howToApply, style(language, 10));
    canvas.gap(8);
  }
  canvas.rule();
  for (const activity of catalogue.activities) {
    canvas.gap(6);
    canvas.paragraph(activity.code, { size: 9, color: MUTED });
    for (const language of LANGUAGES) {
      const w = WORDING[language];
      canvas.paragraph(textIn(activity.title, language), {
        ...style(language, 12),
        weight: 'bold',
        color: ACCENT,
      });
      const description = textIn(activity.description, language);
      if (description) canvas.paragraph(description, style(language, 9.5));
      canvas.paragraph(`${w.duration(activity.durationDays)} · ${w.delivery[activity.delivery]}`, {
        ...style(language, 9),
        color: MUTED,
      });
      canvas.paragraph(
        `${w.prerequisites}: ${prerequisiteLines(activity.prerequisites, language).join('; ')}`,
        style(language, 9),
      );
      canvas.paragraph(`${w.sessions}:`, { ...style(language, 9), weight: 'bold' });
      for (const s of activity.sessions) {
        canvas.paragraph(
          `${datesIn(s, language)} · ${venueIn(s.venue, language)} · ${w.language}: ${s.language.toUpperCase()}`,
          style(language, 9),
        );
      }
      canvas.gap(4);
    }
    canvas.rule();
  }
  return canvas.finish((page, pages) => `${WORDING.en.title(year)} · ${page}/${pages}`);
}
