import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  clearUserDrafts,
  DRAFT_MAX_AGE_MS,
  type DraftStorage,
  draftKey,
  loadDraft,
  MAX_DRAFT_CHARS,
  MAX_DRAFTS,
  saveDraft,
  withoutSecrets,
} from './drafts.js';

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}

const NOW = Date.UTC(2026, 11, 4, 12);

describe('local drafts', () => {
  it('keeps a draft per user and form and gives it back', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'u1', 'participant-new', { familyName: 'Al-Sabah' }, NOW);
    expect(loadDraft(storage, 'u1', 'participant-new', NOW + 1000)).toEqual({
      familyName: 'Al-Sabah',
    });
    expect(loadDraft(storage, 'u2', 'participant-new', NOW)).toBeNull();
    expect(loadDraft(storage, 'u1', 'session-new', NOW)).toBeNull();
  });

  it('never keeps a password, a secret or a token, at any depth', () => {
    expect(
      withoutSecrets({
        email: 'a@b.example',
        password: 'x',
        newPassword: 'y',
        provider: { clientSecret: 'z', name: 'Okta' },
        tokens: ['t'],
        rows: [{ apiToken: 'q', label: 'kept' }],
      }),
    ).toEqual({ email: 'a@b.example', provider: { name: 'Okta' }, rows: [{ label: 'kept' }] });
    const storage = memoryStorage();
    saveDraft(storage, 'u1', 'f', { password: 'hunter2', note: 'n' }, NOW);
    expect([...storage.map.values()].join('')).not.toContain('hunter2');
  });

  it('refuses a draft over the size bound and drops the older one of that form', () => {
    const storage = memoryStorage();
    expect(saveDraft(storage, 'u1', 'f', { text: 'short' }, NOW)).toBe(true);
    expect(saveDraft(storage, 'u1', 'f', { text: 'x'.repeat(MAX_DRAFT_CHARS) }, NOW)).toBe(false);
    expect(loadDraft(storage, 'u1', 'f', NOW)).toBeNull();
  });

  it('keeps at most MAX_DRAFTS drafts, letting the oldest go', () => {
    const storage = memoryStorage();
    for (let i = 0; i <= MAX_DRAFTS; i += 1) saveDraft(storage, 'u1', `f${i}`, { i }, NOW + i);
    expect(storage.map.size).toBe(MAX_DRAFTS);
    expect(loadDraft(storage, 'u1', 'f0', NOW + 100)).toBeNull();
    expect(loadDraft(storage, 'u1', `f${MAX_DRAFTS}`, NOW + 100)).toEqual({ i: MAX_DRAFTS });
  });

  it('forgets a stale or unreadable draft', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'u1', 'f', { a: 1 }, NOW);
    expect(loadDraft(storage, 'u1', 'f', NOW + DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(storage.map.size).toBe(0);
    storage.setItem(draftKey('u1', 'g'), '{not json');
    expect(loadDraft(storage, 'u1', 'g', NOW)).toBeNull();
  });

  it('clears one form, or every draft of one person on sign-out', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'u1', 'f', { a: 1 }, NOW);
    saveDraft(storage, 'u1', 'g', { a: 2 }, NOW);
    saveDraft(storage, 'u2', 'f', { a: 3 }, NOW);
    clearDraft(storage, 'u1', 'f');
    expect(loadDraft(storage, 'u1', 'f', NOW)).toBeNull();
    clearUserDrafts(storage, 'u1');
    expect(loadDraft(storage, 'u1', 'g', NOW)).toBeNull();
    expect(loadDraft(storage, 'u2', 'f', NOW)).toEqual({ a: 3 });
  });

  it('keeps working when the storage refuses writes', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(saveDraft(storage, 'u1', 'f', { a: 1 }, NOW)).toBe(false);
  });
});
