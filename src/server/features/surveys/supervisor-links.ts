import type { Tx } from '../../db/client.js';
import { hashToken, newSecret } from '../auth/secrets.js';
import { replaceTokenHash } from './invitation-queries.js';

/**
 * A new secret for a supervisor's survey link that is still waiting for an answer: only the
 * new one's hash is kept, so the old link stops working at once. Null when no unanswered
 * invitation holds the old secret (answered, or a reminder already replaced it).
 */
export async function renewSupervisorToken(tx: Tx, oldToken: string): Promise<string | null> {
  const token = newSecret();
  const id = await replaceTokenHash(tx, hashToken(oldToken), hashToken(token));
  return id ? token : null;
}
