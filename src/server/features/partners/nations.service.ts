import type {
  ContactInput,
  ContactUpdate,
  Framework,
  FrameworkInput,
  Nation,
  NationInput,
  NationListQuery,
  NationSummary,
  NationUpdate,
} from '../../../contract/partners.js';
import { isUniqueViolation } from '../../db/errors.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { notifyCatalogueChanged } from '../catalogue/cache.js';
import type { ServiceContext } from '../context.js';
import {
  presentContact,
  presentFramework,
  presentNation,
  presentNationSummary,
} from './presenters.js';
import * as q from './queries.js';

export async function listNations(
  ctx: ServiceContext,
  query: NationListQuery,
): Promise<NationSummary[]> {
  return (await q.selectNations(ctx.tx, ctx.actor.scope, query)).map(presentNationSummary);
}

/** One nation with its contacts; another nation's record is "not found" to a scoped user. */
export async function getNation(ctx: ServiceContext, code: string): Promise<Nation> {
  const row = await q.selectNation(ctx.tx, ctx.actor.scope, code);
  if (!row) throw notFound(`The nation ${code}`);
  return presentNation(row, await q.selectContacts(ctx.tx, code));
}

async function requireFramework(ctx: ServiceContext, code: string | undefined) {
  if (code !== undefined && !(await q.frameworkExists(ctx.tx, code))) {
    throw invalid('frameworkCode', `no framework has the code ${code}`, 'unknown_framework');
  }
}

export async function createNation(ctx: ServiceContext, input: NationInput): Promise<Nation> {
  await requireFramework(ctx, input.frameworkCode);
  if (await q.nationExists(ctx.tx, input.code)) {
    throw conflict('nation_exists', `A nation with the code ${input.code} already exists.`);
  }
  const row = await q
    .insertNation(ctx.tx, {
      code: input.code,
      name: input.name,
      frameworkCode: input.frameworkCode,
      status: input.status,
      joinedOn: input.joinedOn ?? null,
      host: input.host ?? false,
      notes: input.notes ?? null,
    })
    .catch((error: unknown) => {
      // Two registrars adding the same nation at once: the second gets the same 409.
      if (isUniqueViolation(error))
        throw conflict('nation_exists', `A nation with the code ${input.code} already exists.`);
      throw error;
    });
  const nation = presentNation(row, []);
  await notifyCatalogueChanged(ctx.tx);
  await recordAudit(ctx, {
    action: 'nation.created',
    entityType: 'nation',
    entityId: row.code,
    after: nation,
  });
  return nation;
}

export async function updateNation(
  ctx: ServiceContext,
  code: string,
  input: NationUpdate,
): Promise<Nation> {
  const existing = await q.selectNation(ctx.tx, ctx.actor.scope, code);
  if (!existing) throw notFound(`The nation ${code}`);
  await requireFramework(ctx, input.frameworkCode);
  const row = await q.updateNation(ctx.tx, code, input);
  if (!row) throw notFound(`The nation ${code}`);
  const contacts = await q.selectContacts(ctx.tx, code);
  const after = presentNation(row, contacts);
  await notifyCatalogueChanged(ctx.tx);
  await recordAudit(ctx, {
    action: 'nation.updated',
    entityType: 'nation',
    entityId: code,
    before: presentNationSummary(existing),
    after: presentNationSummary(row),
  });
  return after;
}

/** Contacts are reached through their nation, so a scoped user manages only their own. */
async function requireVisibleNation(ctx: ServiceContext, code: string) {
  if (!(await q.selectNation(ctx.tx, ctx.actor.scope, code))) throw notFound(`The nation ${code}`);
}

export async function addContact(ctx: ServiceContext, nationCode: string, input: ContactInput) {
  await requireVisibleNation(ctx, nationCode);
  if (input.primary) await q.clearPrimaryContact(ctx.tx, nationCode);
  const row = await q.insertContact(ctx.tx, {
    nationCode,
    name: input.name,
    position: input.position ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    primary: input.primary ?? false,
  });
  const contact = presentContact(row);
  await recordAudit(ctx, {
    action: 'contact.created',
    entityType: 'contact',
    entityId: row.id,
    after: contact,
  });
  return contact;
}

export async function updateContact(
  ctx: ServiceContext,
  nationCode: string,
  id: string,
  input: ContactUpdate,
) {
  await requireVisibleNation(ctx, nationCode);
  const existing = await q.selectContact(ctx.tx, nationCode, id);
  if (!existing) throw notFound('The contact');
  // An edit that names no field changes nothing: the contact as it is, and nothing to audit.
  if (Object.keys(input).length === 0) return presentContact(existing);
  if (input.primary) await q.clearPrimaryContact(ctx.tx, nationCode);
  const row = await q.updateContact(ctx.tx, nationCode, id, input);
  if (!row) throw notFound('The contact');
  const after = presentContact(row);
  await recordAudit(ctx, {
    action: 'contact.updated',
    entityType: 'contact',
    entityId: id,
    before: presentContact(existing),
    after,
  });
  return after;
}

export async function removeContact(ctx: ServiceContext, nationCode: string, id: string) {
  await requireVisibleNation(ctx, nationCode);
  const row = await q.deleteContact(ctx.tx, nationCode, id);
  if (!row) throw notFound('The contact');
  await recordAudit(ctx, {
    action: 'contact.deleted',
    entityType: 'contact',
    entityId: id,
    before: presentContact(row),
  });
}

export async function listFrameworks(ctx: ServiceContext): Promise<Framework[]> {
  return (await q.selectFrameworks(ctx.tx)).map((r) =>
    presentFramework(r.framework, r.nationCount),
  );
}

export async function createFramework(
  ctx: ServiceContext,
  input: FrameworkInput,
): Promise<Framework> {
  try {
    const row = await q.insertFramework(ctx.tx, {
      code: input.code,
      name: input.name,
      launchedOn: input.launchedOn ?? null,
    });
    const framework = presentFramework(row, 0);
    await recordAudit(ctx, {
      action: 'framework.created',
      entityType: 'framework',
      entityId: row.code,
      after: framework,
    });
    return framework;
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('framework_exists', `A framework with the code ${input.code} already exists.`);
    throw error;
  }
}
