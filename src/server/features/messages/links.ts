import type { SealedLink } from '../../db/schema/index.js';
import { hashToken } from '../auth/secrets.js';

let configured: string | null = null;

/** Set once at start-up from PUBLIC_URL; links in e-mails must never come from a request's Host. */
export function configurePublicUrl(url: string): void {
  configured = url.replace(/\/+$/, '');
}

export function publicUrl(): string {
  return configured ?? (process.env.PUBLIC_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}

/** The page where a one-time link's holder chooses a password. */
export function passwordLink(token: string): string {
  return `${publicUrl()}/password/${token}`;
}

/** What stands for a link's secret wherever anyone but its recipient reads a message. */
export const LINK_MASK = '••••••';

/**
 * The pages whose path ends in a secret that works without signing in: choosing a password
 * (reset, invitation) and a supervisor's survey. Whoever holds such a link can act as its
 * recipient, so it is shown to nobody else: not to administrators, not in a preview.
 */
const SECRET_LINK = /(\/(?:password|survey)\/)([A-Za-z0-9_-]+)/g;

/** The text with the secret of every one-time link in it replaced by the mask. */
export function maskSecretLinks(text: string): string {
  return text.replace(SECRET_LINK, `$1${LINK_MASK}`);
}

/** The secrets of the one-time links in a text, each once, in order; the mask is no secret. */
export function secretLinksIn(text: string): { page: 'password' | 'survey'; token: string }[] {
  const found = new Map<string, 'password' | 'survey'>();
  for (const match of text.matchAll(SECRET_LINK)) {
    const token = String(match[2]);
    found.set(token, match[1] === '/password/' ? 'password' : 'survey');
  }
  return [...found].map(([token, page]) => ({ token, page }));
}

/**
 * What is kept of an e-mail once its recipient has it: the text with every one-time link masked,
 * and for each link its page and the hash of its secret (enough to renew it, not to use it).
 */
export function sealSecretLinks(message: { subject: string; body: string }): {
  subject: string;
  body: string;
  sealed: SealedLink[];
} {
  const sealed = secretLinksIn(`${message.subject}\n${message.body}`).map(({ page, token }) => ({
    page,
    tokenHash: hashToken(token),
  }));
  return {
    subject: maskSecretLinks(message.subject),
    body: maskSecretLinks(message.body),
    sealed,
  };
}
