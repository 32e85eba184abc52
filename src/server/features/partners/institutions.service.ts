import type {
  Institution,
  InstitutionInput,
  InstitutionUpdate,
} from '../../../contract/partners.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { presentInstitution } from './presenters.js';
import * as q from './queries.js';

/** Institutions (the centre and visiting schools) are public knowledge: no nation scope. */
export async function listInstitutions(ctx: ServiceContext): Promise<Institution[]> {
  return (await q.selectInstitutions(ctx.tx)).map(presentInstitution);
}

export async function getInstitution(ctx: ServiceContext, code: string): Promise<Institution> {
  const row = await q.selectInstitution(ctx.tx, code);
  if (!row) throw notFound(`The institution ${code}`);
  return presentInstitution(row);
}

export async function createInstitution(
  ctx: ServiceContext,
  input: InstitutionInput,
): Promise<Institution> {
  if (await q.selectInstitution(ctx.tx, input.code)) {
    throw conflict(
      'institution_exists',
      `An institution with the code ${input.code} already exists.`,
    );
  }
  const row = await q.insertInstitution(ctx.tx, {
    code: input.code,
    name: input.name,
    city: input.city ?? null,
    countryCode: input.countryCode,
    host: input.host ?? false,
    openedOn: input.openedOn ?? null,
  });
  const institution = presentInstitution(row);
  await recordAudit(ctx, {
    action: 'institution.created',
    entityType: 'institution',
    entityId: row.code,
    after: institution,
  });
  return institution;
}

export async function updateInstitution(
  ctx: ServiceContext,
  code: string,
  input: InstitutionUpdate,
): Promise<Institution> {
  const existing = await q.selectInstitution(ctx.tx, code);
  if (!existing) throw notFound(`The institution ${code}`);
  const row = await q.updateInstitution(ctx.tx, code, input);
  if (!row) throw notFound(`The institution ${code}`);
  const after = presentInstitution(row);
  await recordAudit(ctx, {
    action: 'institution.updated',
    entityType: 'institution',
    entityId: code,
    before: presentInstitution(existing),
    after,
  });
  return after;
}
