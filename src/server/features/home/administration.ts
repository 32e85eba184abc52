import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AdministrationHome } from '../../../contract/home.js';
import type { ServiceContext } from '../context.js';
import { countFailedJobs } from '../jobs/queries.js';
import * as q from './admin-queries.js';

const INVITED_LISTED = 10;

/** The release running: package.json sits four folders up from here, in src/ and in dist/. */
function releaseVersion(): string {
  try {
    const raw = readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(raw) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
const VERSION = releaseVersion();

/** A proposal the account does not already hold: another role, or another nation. */
function isWaiting(row: Awaited<ReturnType<typeof q.selectProposals>>[number]): boolean {
  const proposal = row.proposal;
  if (!proposal) return false;
  const newRole = proposal.roles.some((role) => !(row.roles as string[]).includes(role));
  const newNation = proposal.nationCode !== null && proposal.nationCode !== row.nationCode;
  return newRole || newNation;
}

/**
 * The administrator's desk: accounts waiting for their holder or a decision, jobs and e-mails
 * that failed, the signing keys, what the database knows of backups, and the release running.
 * Read-only; every part links to the page that handles it.
 */
export async function administrationHome(
  ctx: ServiceContext,
  now = new Date(),
): Promise<AdministrationHome> {
  const invited = await q.selectInvitedUsers(ctx.tx, INVITED_LISTED);
  const proposals = await q.selectProposals(ctx.tx);
  const keys = await q.selectCertificateKeys(ctx.tx);
  const audit = await q.selectAuditKey(ctx.tx);
  return {
    usersWaiting: {
      invited: invited.map((u) => ({
        id: u.id,
        displayName: u.displayName,
        email: u.email,
        invitedAt: u.invitedAt.toISOString(),
        expired: u.expiresAt.getTime() <= now.getTime(),
      })),
      invitedTotal: invited[0]?.total ?? 0,
      proposals: proposals.filter(isWaiting).length,
    },
    failedJobs: await countFailedJobs(ctx.tx),
    outbox: await q.selectOutboxCounts(ctx.tx),
    keys: {
      certificates: keys.map((k) => ({
        id: k.id,
        algorithm: k.algorithm,
        fingerprint: createHash('sha256').update(k.publicKey).digest('hex'),
        createdAt: k.createdAt.toISOString(),
        retiredAt: k.retiredAt?.toISOString() ?? null,
      })),
      audit: audit
        ? {
            fingerprint: audit.keyId,
            lastCheckpointAt: audit.signedAt.toISOString(),
            firstUsedAt: audit.firstUsedAt.toISOString(),
          }
        : null,
    },
    backups: await q.selectWalArchiving(ctx.tx),
    version: VERSION,
  };
}
