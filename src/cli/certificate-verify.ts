import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
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

export const CERTIFICATE_VERIFY_USAGE = `Usage: rabita certificate verify <file.pdf> [--issuer URL | --keys FILE]

Checks a certificate PDF against its issuer's published keys, then asks the issuer's register
whether it is still valid. Nothing is read from a database.

  --issuer URL   the issuing centre's address, e.g. https://training.example.org (default:
                 PUBLIC_URL); its keys are fetched from URL${KEY_SET_PATH}
                 and its register from URL/api/v1/verify/<id>
  --keys FILE    check offline against a saved copy of those keys (a JWK set); the issuer is
                 not asked, so a revocation cannot be seen

Prints VALID, REVOKED or INVALID and what was checked. Exit status: 0 valid, 1 not valid,
2 the check could not be made (bad arguments, unreadable file, issuer unreachable).
`;

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
export async function runCertificateVerify(config: Config, args: string[]): Promise<number> {
  let options: { file?: string; issuer?: string; keys?: string };
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { issuer: { type: 'string' }, keys: { type: 'string' }, help: { type: 'boolean' } },
    });
    if (values.help) {
      print(CERTIFICATE_VERIFY_USAGE);
      return 0;
    }
    if (positionals.length !== 1 || (values.issuer && values.keys)) throw new Error('usage');
    options = { file: positionals[0], issuer: values.issuer, keys: values.keys };
  } catch {
    process.stderr.write(CERTIFICATE_VERIFY_USAGE);
    return 2;
  }
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
