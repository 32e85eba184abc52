/**
 * Local drafts of long forms: what a person typed, kept in this browser per user and form, so a
 * lost session, a closed tab or a reload does not cost them their work. Never secrets: a field
 * whose name says password, secret or token is left out, at any depth.
 */

/** The part of the Web Storage API drafts use, so tests can hand in a plain map. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'rabita.draft.';
/** One draft's size bound, in characters of JSON: a long motivation fits, a pasted book does not. */
export const MAX_DRAFT_CHARS = 20_000;
/** Drafts kept per browser at most; the oldest go first. */
export const MAX_DRAFTS = 20;
/** A draft older than this is stale: the form it belonged to has most likely moved on. */
export const DRAFT_MAX_AGE_MS = 14 * 24 * 60 * 60_000;

const SECRET = /password|secret|token|recovery|totp/i;

interface Stored {
  savedAt: number;
  values: unknown;
}

export function draftKey(userId: string, formId: string): string {
  return `${PREFIX}${userId}:${formId}`;
}

/** The values without their secret fields; null when nothing remains worth keeping. */
export function withoutSecrets(values: unknown): unknown {
  if (Array.isArray(values)) return values.map(withoutSecrets);
  if (typeof values !== 'object' || values === null) return values;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (SECRET.test(name)) continue;
    out[name] = withoutSecrets(value);
  }
  return out;
}

function readStored(storage: DraftStorage, key: string): Stored | null {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<Stored>;
    if (typeof parsed.savedAt !== 'number' || !('values' in parsed)) return null;
    return { savedAt: parsed.savedAt, values: parsed.values };
  } catch {
    return null;
  }
}

function draftKeys(storage: DraftStorage, prefix = PREFIX): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/**
 * Keeps a draft. A draft over the size bound is not kept (and an older one of the same form is
 * dropped, so a restore never brings back less than the person last saw); past the count bound
 * the oldest drafts of the browser go. Returns whether the draft was kept.
 */
export function saveDraft(
  storage: DraftStorage,
  userId: string,
  formId: string,
  values: unknown,
  now: number,
): boolean {
  const key = draftKey(userId, formId);
  const text = JSON.stringify({ savedAt: now, values: withoutSecrets(values) });
  if (text.length > MAX_DRAFT_CHARS) {
    removeQuietly(storage, key);
    return false;
  }
  const others = draftKeys(storage)
    .filter((k) => k !== key)
    .map((k) => ({ key: k, savedAt: readStored(storage, k)?.savedAt ?? 0 }))
    .sort((a, b) => a.savedAt - b.savedAt);
  for (const old of others.slice(0, Math.max(0, others.length - (MAX_DRAFTS - 1)))) {
    removeQuietly(storage, old.key);
  }
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    // Storage full or refused (private browsing): the form still works, without a draft.
    return false;
  }
}

/** The draft's values, or null when there is none, it is unreadable or it is stale. */
export function loadDraft(
  storage: DraftStorage,
  userId: string,
  formId: string,
  now: number,
): unknown | null {
  const key = draftKey(userId, formId);
  const stored = readStored(storage, key);
  if (!stored) return null;
  if (now - stored.savedAt > DRAFT_MAX_AGE_MS) {
    removeQuietly(storage, key);
    return null;
  }
  return stored.values;
}

export function clearDraft(storage: DraftStorage, userId: string, formId: string): void {
  removeQuietly(storage, draftKey(userId, formId));
}

/** Every draft of one person: on sign-out, nothing they typed stays for the next one. */
export function clearUserDrafts(storage: DraftStorage, userId: string): void {
  for (const key of draftKeys(storage, `${PREFIX}${userId}:`)) removeQuietly(storage, key);
}

function removeQuietly(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: an unreadable storage holds no draft we could show either.
  }
}

const noStorage: DraftStorage = {
  getItem: () => null,
  setItem: () => undefined,
  removeItem: () => undefined,
  key: () => null,
  length: 0,
};

/** The browser's localStorage, or a storage that keeps nothing where it is refused. */
export function browserStorage(): DraftStorage {
  try {
    return typeof window === 'undefined' ? noStorage : window.localStorage;
  } catch {
    return noStorage;
  }
}
