import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/contract/roles.js';
import type { Database } from '../../src/server/db/client.js';
import { systemContext } from '../../src/server/features/context.js';
import {
  createFramework,
  createNation,
} from '../../src/server/features/partners/nations.service.js';
import { createUser } from '../../src/server/features/users/service.js';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Two ICI nations, the minimum to test that one nation cannot see the other. */
export async function seedPartners(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const ctx = systemContext(tx, 'seed');
    await createFramework(ctx, {
      code: 'ICI',
      name: { en: 'Istanbul Cooperation Initiative', ar: 'مبادرة إسطنبول للتعاون' },
    });
    await createFramework(ctx, { code: 'MD', name: { en: 'Mediterranean Dialogue' } });
    await createNation(ctx, {
      code: 'KWT',
      name: { en: 'Kuwait', fr: 'Koweït', ar: 'الكويت' },
      frameworkCode: 'ICI',
      status: 'member',
      host: true,
      joinedOn: '2004-12-01',
    });
    await createNation(ctx, {
      code: 'QAT',
      name: { en: 'Qatar', fr: 'Qatar', ar: 'قطر' },
      frameworkCode: 'ICI',
      status: 'member',
      joinedOn: '2005-02-01',
    });
  });
}

/** A user with the given roles; the e-mail is unique per call. */
export async function makeUser(
  db: Database,
  roles: Role[],
  nationCode: string | null = null,
): Promise<{ id: string; email: string; password: string }> {
  const email = `${roles[0]}-${randomBytes(3).toString('hex')}@test.example`;
  const user = await db.transaction((tx) =>
    createUser(systemContext(tx, 'factory'), {
      email,
      displayName: `Test ${roles.join(' ')}`,
      roles,
      nationCode,
      password: TEST_PASSWORD,
    }),
  );
  return { id: user.id, email, password: TEST_PASSWORD };
}
