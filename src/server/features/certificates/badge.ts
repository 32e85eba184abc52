import { createHash } from 'node:crypto';
import type { PrintedCertificate } from '../../../contract/certificates.js';
import { canonicalJson, verificationUrl } from '../../../domain/certificate-payload.js';
import { publicUrl } from '../messages/links.js';
import { keyUrl } from './keys.js';
import { publicKeyFromRaw, signBytes, verifyBytes } from './signing.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Base58 (Bitcoin alphabet), as multibase `z` values use. */
export function base58btc(bytes: Uint8Array): string {
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i += 1) {
      carry += (digits[i] ?? 0) << 8;
      digits[i] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  let zeros = '';
  for (const byte of bytes) {
    if (byte !== 0) break;
    zeros += '1';
  }
  return (
    zeros +
    digits
      .reverse()
      .map((d) => ALPHABET[d])
      .join('')
  );
}

export function fromBase58btc(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    let carry = ALPHABET.indexOf(char);
    if (carry < 0) throw new Error('not base58');
    for (let i = 0; i < bytes.length; i += 1) {
      carry += (bytes[i] ?? 0) * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (const char of text) {
    if (char !== '1') break;
    bytes.push(0);
  }
  return Buffer.from(bytes.reverse());
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

type Json = Record<string, unknown>;

/**
 * The bytes an eddsa-jcs-2022 proof signs (W3C Data Integrity EdDSA Cryptosuites, 3.3): the
 * SHA-256 of the canonical proof options (with the document's @context), then the SHA-256 of
 * the canonical document without its proof.
 */
function proofHashData(document: Json, proofOptions: Json): Buffer {
  const options = { ...proofOptions, '@context': document['@context'] };
  return Buffer.concat([sha256(canonicalJson(options)), sha256(canonicalJson(document))]);
}

const CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

/**
 * The certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential), with a Data
 * Integrity proof made by the key that signed the certificate. It states only what the
 * certificate prints; `created` is the issue time, so the same certificate always gives the
 * same credential.
 */
export function buildBadge(
  printed: PrintedCertificate,
  issuedAt: Date,
  key: { id: string; privateKey: string },
): Json {
  const base = publicUrl();
  const other = printed.languages[1];
  const document: Json = {
    '@context': CONTEXT,
    id: verificationUrl(base, printed.id),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: printed.activity.title.en,
    issuer: {
      id: base,
      type: ['Profile'],
      name: printed.issuer.en,
      ...(printed.issuer.other ? { description: printed.issuer.other } : {}),
    },
    validFrom: issuedAt.toISOString(),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityType: 'name',
          hashed: false,
          identityHash: printed.participant.latin,
        },
      ],
      activityStartDate: `${printed.session.startDate}T00:00:00Z`,
      activityEndDate: `${printed.session.endDate}T00:00:00Z`,
      achievement: {
        id: `${base}/catalogue/${encodeURIComponent(printed.activity.code)}`,
        type: ['Achievement'],
        achievementType: printed.award === 'attendance' ? 'Achievement' : 'Course',
        name: printed.activity.title.en,
        description: [printed.activity.title.en, printed.activity.title.other]
          .filter(Boolean)
          .join(' / '),
        criteria: {
          narrative: `${printed.award === 'attendance' ? 'Attended' : 'Completed'} session ${printed.session.code} at ${printed.session.venue.en}, ${printed.session.startDate} to ${printed.session.endDate}.`,
        },
        humanCode: printed.activity.code,
        inLanguage: `en, ${other}`,
      },
    },
  };
  const proofOptions: Json = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: issuedAt.toISOString(),
    verificationMethod: keyUrl(key.id),
    proofPurpose: 'assertionMethod',
  };
  const signature = Buffer.from(
    signBytes(key.privateKey, proofHashData(document, proofOptions)),
    'base64url',
  );
  return { ...document, proof: { ...proofOptions, proofValue: `z${base58btc(signature)}` } };
}

/**
 * Checks a credential's eddsa-jcs-2022 proof against a published key set; what a verifier
 * holding only the JSON and the well-known keys would do.
 */
export function verifyBadge(
  credential: Json,
  keySet: { keys: { kid: string; x: string }[] },
): boolean {
  const { proof, ...document } = credential;
  if (!proof || typeof proof !== 'object') return false;
  const { proofValue, ...options } = proof as Json;
  if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) return false;
  if (options.cryptosuite !== 'eddsa-jcs-2022') return false;
  const kid = String(options.verificationMethod ?? '').split('#')[1];
  const jwk = keySet.keys.find((k) => k.kid === kid);
  if (!jwk) return false;
  try {
    const signature = fromBase58btc(proofValue.slice(1)).toString('base64url');
    return verifyBytes(publicKeyFromRaw(jwk.x), proofHashData(document, options), signature);
  } catch {
    return false;
  }
}
