import type {
  Contact,
  Framework,
  Institution,
  Nation,
  NationStatus,
  NationSummary,
} from '../../../contract/partners.js';
import type { ContactRow, FrameworkRow, InstitutionRow, NationRow } from './queries.js';

export function presentNationSummary(row: NationRow): NationSummary {
  return {
    code: row.code,
    name: row.name,
    frameworkCode: row.frameworkCode,
    status: row.status as NationStatus,
    joinedOn: row.joinedOn,
    host: row.host,
  };
}

export function presentNation(row: NationRow, contacts: ContactRow[]): Nation {
  return {
    ...presentNationSummary(row),
    notes: row.notes,
    contacts: contacts.map(presentContact),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentContact(row: ContactRow): Contact {
  return {
    id: row.id,
    nationCode: row.nationCode,
    name: row.name,
    position: row.position,
    email: row.email,
    phone: row.phone,
    primary: row.primary,
  };
}

export function presentFramework(row: FrameworkRow, nationCount: number): Framework {
  return { code: row.code, name: row.name, launchedOn: row.launchedOn, nationCount };
}

export function presentInstitution(row: InstitutionRow): Institution {
  return {
    code: row.code,
    name: row.name,
    city: row.city,
    countryCode: row.countryCode,
    host: row.host,
    openedOn: row.openedOn,
    updatedAt: row.updatedAt.toISOString(),
  };
}
