import { Text } from '@mantine/core';
import type { Participant } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';

export type NamedParticipant = Pick<
  Participant,
  'familyNameLatin' | 'givenNamesLatin' | 'familyNameArabic' | 'givenNamesArabic'
> & { id?: string };

interface Props {
  person: NamedParticipant;
  /** `stacked`: Arabic on a second line (tables, pickers); `inline`: one line, Arabic after. */
  layout?: 'stacked' | 'inline';
  /** Link the Latin name to the person's page (needs `person.id`). */
  link?: boolean;
}

/** "Al-Mutairi, Fahad" as in the passport, the family name first so lists read in order. */
export function latinName(person: NamedParticipant): string {
  return `${person.familyNameLatin}, ${person.givenNamesLatin}`;
}

/** "فهد المطيري": given names first, as an Arabic reader writes it; null without both parts. */
export function arabicName(person: NamedParticipant): string | null {
  const parts = [person.givenNamesArabic, person.familyNameArabic].filter(
    (p): p is string => !!p && p.trim() !== '',
  );
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * A person's name in both scripts. Each script keeps its own direction whatever the page's
 * language, so a Latin name stays left to right in Arabic and an Arabic one right to left.
 */
export function ParticipantName({ person, layout = 'stacked', link = false }: Props) {
  const latin = <bdi dir="ltr">{latinName(person)}</bdi>;
  const arabic = arabicName(person);
  return (
    <>
      {link && person.id ? (
        <AnchorLink to="/people/$id" params={{ id: person.id }} fw={500}>
          {latin}
        </AnchorLink>
      ) : (
        <Text span fw={500} fz="inherit">
          {latin}
        </Text>
      )}
      {arabic && (
        // The outer line follows the page's direction (so it lines up with the Latin name);
        // only the name itself runs right to left.
        <Text span display={layout === 'stacked' ? 'block' : 'inline'} fz="inherit">
          {layout === 'inline' && ' '}
          <span dir="rtl" lang="ar">
            {arabic}
          </span>
        </Text>
      )}
    </>
  );
}
