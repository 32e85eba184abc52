import { LOCALES, type Locale } from '../../../../contract/common.js';
import {
  concernedNominations,
  type NominationAtChange,
} from '../../../../domain/session-changes.js';
import type { DbOrTx } from '../../../db/client.js';
import { type NominatedPerson, nominatedPeople } from '../../nominations/session-changes.js';
import type { SessionChangeRow } from './queries.js';
import * as q from './queries.js';

export function asLocale(value: string | null | undefined, fallback: Locale = 'en'): Locale {
  return value && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : fallback;
}

/** A nomination a recipient is told about, with its person. */
export type ToldNomination = NominationAtChange & { person: NominatedPerson };

/**
 * One person to tell, whatever the number of reasons: a participant who is also an NPOC, or an
 * NPOC who directs the course, gets one e-mail and one notice that say everything.
 */
export interface Recipient {
  /** The account, or the address of a participant without one. */
  key: string;
  userId: string | null;
  email: string | null;
  name: string | null;
  locale: Locale;
  /** Their own seat, as a participant. */
  ownSeat: ToldNomination | null;
  /** As an NPOC: their nation's nominations the change concerns. */
  nation: { code: string; nominations: ToldNomination[] } | null;
  /** As director or instructor: their role, and whether they stay on the session. */
  staff: { role: 'director' | 'instructor'; staysOn: boolean } | null;
}

/**
 * Everyone a change concerns, from the audience it recorded: participants holding a seat, the
 * NPOCs of the nominations it concerns, the staff before and after. Only active accounts;
 * a participant without an account is reached at their address, in the session's language.
 */
export async function recipientsOf(
  db: DbOrTx,
  change: SessionChangeRow,
  sessionLanguage: string,
): Promise<Recipient[]> {
  const concerned = concernedNominations(change.kind, change.audience.nominations);
  const ids = [...concerned.nations.values()].flat().map((n) => n.id);
  const people = await nominatedPeople(db, ids);
  const told = (n: NominationAtChange): ToldNomination | null => {
    const person = people.get(n.id);
    return person ? { ...n, person } : null;
  };
  const byKey = new Map<string, Recipient>();
  const add = (recipient: Recipient) => {
    const known = byKey.get(recipient.key);
    byKey.set(
      recipient.key,
      known
        ? {
            ...known,
            email: known.email ?? recipient.email,
            name: known.name ?? recipient.name,
            ownSeat: known.ownSeat ?? recipient.ownSeat,
            nation: known.nation ?? recipient.nation,
            staff: known.staff ?? recipient.staff,
          }
        : recipient,
    );
  };

  const selected = new Set(concerned.participants);
  for (const n of change.audience.nominations.filter((x) => selected.has(x.id))) {
    const seat = told(n);
    if (!seat || (!seat.person.email && !seat.person.userId)) continue;
    const { person } = seat;
    const locale = asLocale(person.locale, asLocale(sessionLanguage));
    add({
      key: person.userId ?? `mail:${person.email?.toLowerCase()}`,
      userId: person.userId,
      email: person.email,
      // Addressed by name even without an account, in the script the reader reads.
      name: locale === 'ar' && person.name.arabic ? person.name.arabic : person.name.latin,
      locale,
      ownSeat: seat,
      nation: null,
      staff: null,
    });
  }

  for (const npoc of await q.selectNpocs(db, [...concerned.nations.keys()])) {
    if (!npoc.nationCode) continue;
    const nominations = (concerned.nations.get(npoc.nationCode) ?? [])
      .map(told)
      .filter((n): n is ToldNomination => n !== null);
    add({
      key: npoc.id,
      userId: npoc.id,
      email: npoc.email,
      name: npoc.displayName,
      locale: asLocale(npoc.locale),
      ownSeat: null,
      nation: { code: npoc.nationCode, nominations },
      staff: null,
    });
  }

  const staffUsers = await q.selectActiveUsers(
    db,
    change.audience.staff.map((s) => s.userId),
  );
  for (const user of staffUsers) {
    const entries = change.audience.staff.filter((s) => s.userId === user.id);
    const entry = entries.find((s) => s.staysOn) ?? entries[0];
    if (!entry) continue;
    add({
      key: user.id,
      userId: user.id,
      email: user.email,
      name: user.displayName,
      locale: asLocale(user.locale),
      ownSeat: null,
      nation: null,
      staff: { role: entry.role, staysOn: change.kind !== 'cancelled' && entry.staysOn },
    });
  }
  return [...byKey.values()];
}
