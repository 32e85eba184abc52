import type { Tx } from '../../db/client.js';
import { hashToken, newSecret } from '../auth/secrets.js';
import { replaceTokenHash } from './invitation-queries.js';

/**
 * A new secret for a supervisor's survey link (the old one given by its hash) that is still
 * waiting for an answer: only the new one's hash is kept, so the old link stops working at once.
 * Null when no unanswered invitation holds the old secret (answered, or a reminder replaced it).
 */
export async function renewSupervisorToken(tx: Tx, oldTokenHash: string): Promise<string | null> {
  const token = newSecret();
  const id = await replaceTokenHash(tx, oldTokenHash, hashToken(token));
  return id ? token : null;
}
