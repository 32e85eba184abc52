import { sql } from 'drizzle-orm';
import type { LocalizedText } from '../../contract/common.js';
import type { NationStatus } from '../../contract/partners.js';
import type { Role } from '../../contract/roles.js';
import { ROLES } from '../../contract/roles.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { systemContext } from '../features/context.js';
import { createInstitution } from '../features/partners/institutions.service.js';
import { addContact, createFramework, createNation } from '../features/partners/nations.service.js';
import { updateTwoFactorPolicy } from '../features/second-factors/policy.js';
import { createUser } from '../features/users/service.js';
import { loadDemoAgenda } from './agenda.js';
import centre from './centre.json' with { type: 'json' };
import { loadDemoCertificates } from './certificates.js';
import { loadDemoEvaluations } from './evaluations.js';
import { loadDemoHistory } from './history.js';
import { loadDemoCatalogue } from './load-catalogue.js';
import { loadDemoNominations } from './nominations.js';
import { loadDemoParticipants } from './participants.js';
/** Every demo account shares this password; the start-up banner prints it. */
import { DEMO_PASSWORD } from './password.js';
import { loadDemoProgrammes } from './programmes.js';
import { loadDemoSurveys } from './surveys.js';

export { DEMO_PASSWORD };

export interface DemoAccount {
  email: string;
  displayName: string;
  roles: Role[];
  nationCode: string | null;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@rabita.example',
    displayName: 'Centre Administrator',
    roles: ['administrator'],
    nationCode: null,
  },
  {
    email: 'registrar@rabita.example',
    displayName: 'Noura Al-Sabah',
    roles: ['registrar'],
    nationCode: null,
  },
  {
    email: 'director@rabita.example',
    displayName: 'Col. Marco Rossi',
    roles: ['course_director'],
    nationCode: null,
  },
  {
    email: 'instructor@rabita.example',
    displayName: 'Dr. Jana Novak',
    roles: ['instructor'],
    nationCode: null,
  },
  {
    email: 'npoc.kwt@rabita.example',
    displayName: 'Lt Col Fahad Al-Mutairi',
    roles: ['npoc'],
    nationCode: 'KWT',
  },
  {
    email: 'npoc.qat@rabita.example',
    displayName: 'Maj. Khalid Al-Thani',
    roles: ['npoc'],
    nationCode: 'QAT',
  },
  {
    email: 'nominator.kwt@rabita.example',
    displayName: 'Capt. Sara Al-Enezi',
    roles: ['nominator'],
    nationCode: 'KWT',
  },
  {
    email: 'observer@rabita.example',
    displayName: 'Allied HQ Observer',
    roles: ['observer'],
    nationCode: null,
  },
];

/** Illustrative points of contact; the names are invented. */
const DEMO_CONTACTS: Record<
  string,
  { name: string; position: string; email: string; phone: string }[]
> = {
  KWT: [
    {
      name: 'Lt Col Fahad Al-Mutairi',
      position: 'National point of contact, National Security Bureau',
      email: 'npoc.kwt@rabita.example',
      phone: '+965 2222 3333',
    },
  ],
  QAT: [
    {
      name: 'Maj. Khalid Al-Thani',
      position: 'National point of contact, Ministry of Defence',
      email: 'npoc.qat@rabita.example',
      phone: '+974 4444 5555',
    },
  ],
  BHR: [
    {
      name: 'Maj. Ali Al-Khalifa',
      position: 'Training branch, Bahrain Defence Force',
      email: 'poc.bhr@rabita.example',
      phone: '+973 1777 0000',
    },
  ],
  ARE: [
    {
      name: 'Lt Col Ahmed Al-Mansoori',
      position: 'International cooperation, Ministry of Defence',
      email: 'poc.are@rabita.example',
      phone: '+971 2 444 0000',
    },
  ],
};

/**
 * The demo loads on an empty embedded database unless RABITA_DEMO=0, and on an external one
 * only when RABITA_DEMO=1. "Empty" means no user yet, so a restart never loads it twice.
 */
export async function isDemoWanted(db: Database, config: Pick<Config, 'demo'>, embedded: boolean) {
  if (config.demo === false) return false;
  if (config.demo === undefined && !embedded) return false;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * Loads the demo centre in one transaction: frameworks, nations, institutions, contacts,
 * accounts, the catalogue with sessions placed around `now`, the nations' people, and the
 * past sessions' nominations, attendance, closed results and level-1 evaluations, and the coming
 * dialogue event's published agenda with its speakers and room.
 */
export async function loadDemoCentre(db: Database, now = new Date()): Promise<DemoAccount[]> {
  const extra: DemoAccount[] = [];
  await db.transaction(async (tx) => {
    const ctx = systemContext(tx, 'demo');
    for (const f of centre.frameworks) {
      await createFramework(ctx, { code: f.code, name: f.name, launchedOn: f.launched ?? null });
    }
    for (const n of centre.nations) {
      await createNation(ctx, {
        code: n.iso3,
        name: n.name,
        frameworkCode: n.framework,
        status: n.status as NationStatus,
        joinedOn: 'joined' in n && n.joined ? `${n.joined}-01` : null,
        host: 'host' in n && n.host === true,
        notes: 'note' in n && n.note ? n.note : null,
      });
    }
    for (const i of centre.institutions) {
      await createInstitution(ctx, {
        code: i.code,
        name: i.name as LocalizedText,
        city: i.city,
        countryCode: i.country,
        host: 'host' in i && i.host === true,
        openedOn: 'opened' in i && i.opened ? i.opened : null,
      });
    }
    for (const [nationCode, contacts] of Object.entries(DEMO_CONTACTS)) {
      for (const [index, c] of contacts.entries()) {
        await addContact(ctx, nationCode, { ...c, primary: index === 0 });
      }
    }
    const ids = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const user = await createUser(ctx, { ...account, password: DEMO_PASSWORD, locale: 'en' });
      ids.set(account.email, user.id);
    }
    await loadDemoCatalogue(
      ctx,
      now.toISOString().slice(0, 10),
      {
        directorId: ids.get('director@rabita.example') ?? null,
        instructorIds: [ids.get('instructor@rabita.example')].filter((id): id is string => !!id),
      },
      DEMO_PASSWORD,
    );
    await loadDemoParticipants(tx, now);
    await loadDemoNominations(tx, now, ids.get('nominator.kwt@rabita.example') ?? null);
    await loadDemoHistory(tx, now);
    await loadDemoCertificates(tx, now);
    const participant = await loadDemoSurveys(tx, now, DEMO_PASSWORD);
    // After the surveys: it needs their templates and leaves their one session to them.
    await loadDemoEvaluations(tx, now);
    await loadDemoProgrammes(tx);
    await loadDemoAgenda(tx, ids.get('instructor@rabita.example') ?? null);
    // The demo's accounts share a published password: a second factor required of them would
    // lock out every visitor but the first. The banner says so; Administration turns it back on.
    await updateTwoFactorPolicy(
      ctx,
      { roles: ROLES.map((role) => ({ role, required: false })) },
      now,
    );
    if (participant) extra.push({ ...participant, roles: ['participant'] });
  });
  return [...DEMO_ACCOUNTS, ...extra];
}
