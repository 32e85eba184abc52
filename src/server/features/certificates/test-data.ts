import { eq } from 'drizzle-orm';
import {
  type Session as Browser,
  signIn,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import type { Database } from '../../db/client.js';
import { nominations, participantResults } from '../../db/schema/index.js';
import { announcedSession, makeNomination } from '../logistics/test-data.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';

/** Sets a result as the results feature would: on its own row, or the copy on the nomination. */
export async function setResult(
  db: Database,
  nominationId: string,
  status: string,
  where: 'results' | 'nomination' = 'results',
) {
  if (where === 'nomination') {
    await db.update(nominations).set({ result: status }).where(eq(nominations.id, nominationId));
    return;
  }
  await db
    .insert(participantResults)
    .values({ nominationId, status, proposedStatus: status })
    .onConflictDoUpdate({ target: participantResults.nominationId, set: { status } });
}

export const SESSION = 'M5-66-A-24';
export const OTHER_SESSION = 'CT-B-27';

/**
 * A session with its director and instructor, and selected participants: Salem (KWT, with his
 * own account, the Arabic name of the rendering test) and Fahad (KWT) and Hamad (QAT), who
 * completed; Nasser (KWT), who failed; one waitlisted. Plus a session directed by nobody.
 */
export async function seedCertificateWorld(t: TestApp) {
  const db = t.db.db;
  await seedPartners(db);
  await seedSessionBasics(db);
  await makeActivity(db, 'CTM-CT-2839', {
    title: { en: 'Counter-Terrorism Awareness', ar: 'التوعية بمكافحة الإرهاب' },
  });
  const directorUser = await makeUser(db, ['course_director']);
  const instructorUser = await makeUser(db, ['instructor']);
  const salemUser = await makeUser(db, ['participant'], 'KWT');
  const sessionId = await announcedSession(db, SESSION, 'CTM-CT-2839', {
    directorId: directorUser.id,
    instructorIds: [instructorUser.id],
  });
  const otherId = await announcedSession(db, OTHER_SESSION, 'CTM-CT-2839');
  const salem = await makeNomination(db, sessionId, 'KWT', {
    familyNameLatin: 'Al-Ali',
    givenNamesLatin: 'Salem',
    givenNamesArabic: 'العقيد سالم',
    familyNameArabic: '٤٢',
    userId: salemUser.id,
  });
  const fahad = await makeNomination(db, sessionId, 'KWT', {
    familyNameLatin: 'Al-Sabah',
    givenNamesLatin: 'Fahad',
  });
  const hamad = await makeNomination(db, sessionId, 'QAT', {
    familyNameLatin: 'Al-Thani',
    givenNamesLatin: 'Hamad',
    givenNamesArabic: 'حمد',
  });
  const nasser = await makeNomination(db, sessionId, 'KWT', { familyNameLatin: 'Nasser' });
  const waiting = await makeNomination(
    db,
    sessionId,
    'KWT',
    { familyNameLatin: 'Waiting' },
    'waitlisted',
  );
  const elsewhere = await makeNomination(db, otherId, 'KWT', { familyNameLatin: 'Elsewhere' });
  await setResult(db, salem, 'completed', 'nomination');
  await setResult(db, fahad, 'completed');
  await setResult(db, hamad, 'completed');
  await setResult(db, nasser, 'failed');
  await setResult(db, waiting, 'completed', 'nomination');
  await setResult(db, elsewhere, 'completed');
  const browsers: Record<
    | 'registrar'
    | 'admin'
    | 'director'
    | 'instructor'
    | 'npocKwt'
    | 'npocQat'
    | 'salem'
    | 'observer'
    | 'observerQat',
    Browser
  > = {
    registrar: await signInAs(t, ['registrar']),
    admin: await signInAs(t, ['administrator']),
    director: await signIn(t.app, directorUser.email, directorUser.password),
    instructor: await signIn(t.app, instructorUser.email, instructorUser.password),
    npocKwt: await signInAs(t, ['npoc'], 'KWT'),
    npocQat: await signInAs(t, ['npoc'], 'QAT'),
    salem: await signIn(t.app, salemUser.email, salemUser.password),
    observer: await signInAs(t, ['observer']),
    observerQat: await signInAs(t, ['observer'], 'QAT'),
  };
  return {
    sessionId,
    nominations: { salem, fahad, hamad, nasser, waiting, elsewhere },
    browsers,
  };
}
