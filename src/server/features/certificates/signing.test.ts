import { describe, expect, it } from 'vitest';
import { base58btc, fromBase58btc } from './badge.js';
import {
  generateSigningKey,
  publicKeyFromRaw,
  rawPublicKey,
  signBytes,
  signedBytes,
  verifyBytes,
} from './signing.js';

const payload = {
  id: 'AbCdEfGhIjKlMnOpQrStUv',
  participant: { latin: 'Salem Al-Ali', arabic: 'العقيد سالم ٤٢' },
  session: { code: 'M5-66-A-24' },
};

describe('certificate signatures (Ed25519 over canonical JSON)', () => {
  const key = generateSigningKey();

  it('verifies what it signed, whatever order the members are read back in', () => {
    const signature = signBytes(key.privateKey, signedBytes(payload));
    expect(Buffer.from(signature, 'base64url')).toHaveLength(64);
    const reordered = {
      session: payload.session,
      participant: payload.participant,
      id: payload.id,
    };
    expect(verifyBytes(key.publicKey, signedBytes(reordered), signature)).toBe(true);
    expect(
      verifyBytes(publicKeyFromRaw(rawPublicKey(key.publicKey)), signedBytes(payload), signature),
    ).toBe(true);
  });

  it('detects any change to the content', () => {
    const signature = signBytes(key.privateKey, signedBytes(payload));
    const tampered = {
      ...payload,
      participant: { ...payload.participant, arabic: 'العقيد سالم ٢٤' },
    };
    expect(verifyBytes(key.publicKey, signedBytes(tampered), signature)).toBe(false);
  });

  it('refuses another key’s signature and malformed signatures, without throwing', () => {
    const other = generateSigningKey();
    const signature = signBytes(other.privateKey, signedBytes(payload));
    expect(verifyBytes(key.publicKey, signedBytes(payload), signature)).toBe(false);
    expect(verifyBytes(key.publicKey, signedBytes(payload), 'not-a-signature')).toBe(false);
    expect(verifyBytes('not a key', signedBytes(payload), signature)).toBe(false);
  });

  it('keeps keys as PEM (public SPKI, private PKCS#8) and publishes 32 raw bytes', () => {
    expect(key.publicKey).toContain('BEGIN PUBLIC KEY');
    expect(key.privateKey).toContain('BEGIN PRIVATE KEY');
    expect(Buffer.from(rawPublicKey(key.publicKey), 'base64url')).toHaveLength(32);
  });
});

describe('base58btc', () => {
  it.each([
    ['', ''],
    ['00', '1'],
    ['0000ff', '115Q'],
    ['48656c6c6f20576f726c6421', '2NEpo7TZRRrLZSi2U'],
  ])('encodes %s as %s and back', (hex, text) => {
    expect(base58btc(Buffer.from(hex, 'hex'))).toBe(text);
    expect(fromBase58btc(text).toString('hex')).toBe(hex);
  });
});
