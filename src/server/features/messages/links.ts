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
