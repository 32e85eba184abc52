import type { ActivityInput } from '../../../contract/catalogue.js';
import type { Database } from '../../db/client.js';
import { systemContext } from '../context.js';
import { createInstitution } from '../partners/institutions.service.js';
import { createDiscipline } from './service.js';

/**
 * Test data for the catalogue's route tests (imported by tests only): two providers and two
 * disciplines. Partners come from test/support's seedPartners.
 */
export async function seedCatalogue(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const ctx = systemContext(tx, 'seed');
    await createInstitution(ctx, {
      code: 'NIRC',
      name: { en: 'NATO-ICI Regional Centre', ar: 'المركز الإقليمي' },
      countryCode: 'KWT',
      host: true,
    });
    await createInstitution(ctx, { code: 'NSO', name: { en: 'NATO School' }, countryCode: 'DEU' });
    await createDiscipline(ctx, {
      code: 'CT',
      name: { en: 'Counter-terrorism', fr: 'Contre-terrorisme', ar: 'مكافحة الإرهاب' },
    });
    await createDiscipline(ctx, { code: 'CYBER', name: { en: 'Cyber security' } });
  });
}

/** A valid, active course released to all, with any field replaced. */
export function activityInput(code: string, overrides: Partial<ActivityInput> = {}) {
  return {
    code,
    type: 'course',
    title: { en: `Course ${code}` },
    disciplineCode: 'CT',
    providerCode: 'NIRC',
    delivery: 'residential',
    durationDays: 5,
    status: 'active',
    ...overrides,
  } satisfies ActivityInput;
}
