import { readFile } from 'node:fs/promises';
import {
  CertificateKeySet,
  type PrintedCertificate,
  Verification,
} from '../contract/certificates.js';
import type { Config } from '../server/config.js';
import {
  checkFileAgainstKeys,
  type FileCheck,
  registerAgrees,
} from '../server/features/certificates/file-check.js';
import { KEY_SET_PATH } from '../server/features/certificates/keys.js';
import { claimedVerifyUrl } from '../server/features/certificates/pdf/embedded.js';
import { UsageError } from './command.js';

const TIMEOUT_MS = 15_000;

class CheckNotMade extends Error {}

const print = (line: string) => process.stdout.write(`${line}\n`);

async function fetchJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new CheckNotMade(`cannot reach ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new CheckNotMade(`${url} answered ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new CheckNotMade(`${url} did not answer JSON`);
  }
}

async function keysFrom(source: { issuer?: string; keys?: string }) {
  const where = source.keys ?? `${source.issuer}${KEY_SET_PATH}`;
  let raw: unknown;
  if (source.keys) {
    try {
      raw = JSON.parse(await readFile(source.keys, 'utf8'));
    } catch (error) {
      throw new CheckNotMade(
        `cannot read the keys file ${source.keys}: ${(error as Error).message}`,
      );
    }
  } else {
    raw = await fetchJson(where);
  }
  const parsed = CertificateKeySet.safeParse(raw);
  if (!parsed.success) throw new CheckNotMade(`${where} is not a set of certificate keys`);
  return { keySet: parsed.data, where };
}

function printed(certificate: PrintedCertificate): string[] {
  const { participant, activity, session } = certificate;
  return [
    `  certificate ${certificate.id}`,
    `  ${participant.latin}${participant.arabic ? ` / ${participant.arabic}` : ''}`,
    `  ${activity.code} ${activity.title.en}${activity.title.other ? ` / ${activity.title.other}` : ''}`,
    `  session ${session.code}, ${session.startDate} to ${session.endDate}, ${session.venue.en}`,
    `  issued on ${certificate.issuedOn} by ${certificate.issuer.en}`,
  ];
}

function signatureVerdict(check: Exclude<FileCheck, { status: 'signed' }>, where: string) {
  switch (check.status) {
    case 'no-signature':
      return 'INVALID: the file carries no certificate signature (not a certificate, or damaged).';
    case 'unknown-key':
      return `INVALID: it is signed with key ${check.keyId}, which ${where} does not hold.`;
    case 'altered':
      return `INVALID: its content was changed after signing (key ${check.keyId} of ${where}).`;
  }
}

/** `rabita certificate verify`: 0 valid, 1 not valid, 2 the check could not be made. */
export async function runCertificateVerify(
  config: Config,
  options: { file: string; issuer?: string; keys?: string },
): Promise<number> {
  if (options.issuer && options.keys) throw new UsageError('give --issuer or --keys, not both');
  let pdf: Buffer;
  try {
    pdf = await readFile(options.file ?? '');
  } catch (error) {
    process.stderr.write(`rabita: cannot read ${options.file}: ${(error as Error).message}\n`);
    return 2;
  }
  const issuer = (options.keys ? undefined : (options.issuer ?? config.publicUrl))?.replace(
    /\/+$/,
    '',
  );
  if (!options.keys && !issuer) {
    const claimed = claimedVerifyUrl(pdf);
    process.stderr.write(
      `rabita: name the issuer to check against: --issuer <its address> (or --keys <file>).\n${
        claimed
          ? `The file says it can be verified at ${claimed}; use that address only if you trust it.\n`
          : ''
      }`,
    );
    return 2;
  }
  try {
    return await verify(pdf, { issuer, keys: options.keys });
  } catch (error) {
    if (!(error instanceof CheckNotMade)) throw error;
    process.stderr.write(`rabita: the check could not be made: ${error.message}\n`);
    return 2;
  }
}

async function verify(pdf: Buffer, source: { issuer?: string; keys?: string }): Promise<number> {
  const { keySet, where } = await keysFrom(source);
  const check = checkFileAgainstKeys(pdf, keySet);
  if (check.status !== 'signed') {
    print(signatureVerdict(check, where));
    return 1;
  }
  const signatureLine = `  checked: the signature holds, by key ${check.keyId} of ${where}`;
  if (!source.issuer) {
    print('VALID signature (offline: revocation not checked)');
    print(signatureLine);
    print('  not checked: whether the issuer has revoked it (run with --issuer to ask)');
    for (const line of printed(check.printed)) print(line);
    return 0;
  }
  const registerUrl = `${source.issuer}/api/v1/verify/${encodeURIComponent(check.printed.id)}`;
  const register = Verification.safeParse(await fetchJson(registerUrl));
  if (!register.success) throw new CheckNotMade(`${registerUrl} did not answer a verification`);
  const verdict = registerAgrees(check, register.data);
  if (verdict.status === 'not-found') {
    print(`INVALID: the signature holds, but ${registerUrl} has no such certificate on record.`);
    return 1;
  }
  if (verdict.status === 'invalid') {
    print(`INVALID: the signature holds, but ${registerUrl} does not hold the same content.`);
    return 1;
  }
  print(
    verdict.status === 'revoked'
      ? `REVOKED on ${verdict.revokedOn ?? '?'}${verdict.reason ? `: ${verdict.reason}` : ''}`
      : 'VALID',
  );
  print(signatureLine);
  print(
    `  checked: the issuer's register at ${registerUrl} holds the same content, ${verdict.status}`,
  );
  for (const line of printed(check.printed)) print(line);
  return verdict.status === 'valid' ? 0 : 1;
}
