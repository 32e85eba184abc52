import type { ServiceContext } from '../features/context.js';
import { createUser } from '../features/users/service.js';

/** A course director and the instructors who run a session with them. */
export interface DemoTeam {
  directorId: string | null;
  instructorIds: string[];
}

/** Visiting course teams from schools and centres of excellence, in the order they are needed. */
const VISITING = [
  ['Lt Col. Elena García', 'Maj. Tomasz Nowak'],
  ['Cdr. Pierre Martin', 'Capt. Sofia Rossi'],
  ['Col. Yusuf Demir', 'Lt Cdr. Anna Schmidt'],
  ['Dr. Layla Haddad', 'Mr. Jonas Berg'],
  ['Lt Col. James Whitfield', 'Maj. Ines Duarte'],
  ['Cdr. Nikos Papadakis', 'Capt. Marta Kowalska'],
] as const;

/**
 * The demo's own team first, then as many visiting teams as the plan needs so that nobody runs
 * two sessions at once. Visiting staff have accounts (the demo password) but are not listed
 * at start-up: the demo director and instructor are the ones to sign in as.
 */
export async function demoTeams(
  ctx: ServiceContext,
  own: DemoTeam,
  needed: number,
  password: string,
): Promise<DemoTeam[]> {
  const teams = [own];
  for (let k = 1; k < needed; k++) {
    const [director, instructor] = VISITING[(k - 1) % VISITING.length] ?? VISITING[0];
    const round = Math.floor((k - 1) / VISITING.length);
    const suffix = round > 0 ? ` (${round + 1})` : '';
    const add = async (name: string, role: 'course_director' | 'instructor', slug: string) =>
      (
        await createUser(ctx, {
          email: `${slug}${k}@visiting.rabita.example`,
          displayName: `${name}${suffix}`,
          roles: [role],
          nationCode: null,
          locale: 'en',
          password,
        })
      ).id;
    teams.push({
      directorId: await add(director, 'course_director', 'director'),
      instructorIds: [await add(instructor, 'instructor', 'instructor')],
    });
  }
  return teams;
}
