import type { Locale } from '../../../contract/index.js';
import { arabicName, latinName, type NamedParticipant } from './ParticipantName.js';

/** A person's name as the reader reads it: in Arabic script for an Arabic reader when it is known. */
export function readerName(person: NamedParticipant, locale: Locale): string {
  return (locale === 'ar' ? arabicName(person) : null) ?? latinName(person);
}
