import fs from 'node:fs';
import type { Config } from '../server/config.js';
import {
  exportCheckpoints,
  recordVerification,
  signAuditCheckpoint,
} from '../server/features/audit/chain/checkpoints.js';
import {
  type AuditSigningKey,
  loadSigningKey,
  publicKeyOnly,
  SigningKeyError,
} from '../server/features/audit/chain/signing-key.js';
import { verifyAuditChain } from '../server/features/audit/chain/verify.js';
import { openAuditSigningKey, openDatabase } from '../server/main.js';
import { CommandFailed } from './command.js';

const print = (line: string) => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);

/** The key that checks signatures: an auditor's public key, else the server's own key file. */
function checkingKey(config: Config, publicKeyFile: string | undefined): AuditSigningKey | null {
  try {
    if (publicKeyFile) return publicKeyOnly(fs.readFileSync(publicKeyFile, 'utf8'));
    if (!fs.existsSync(config.auditKeyFile)) {
      note(
        `rabita: no audit signing key at ${config.auditKeyFile}: checkpoint signatures are not checked (give --public-key).`,
      );
      return null;
    }
    return loadSigningKey(config.auditKeyFile, { create: false });
  } catch (error) {
    if (error instanceof SigningKeyError || (error as NodeJS.ErrnoException).code)
      throw new CommandFailed((error as Error).message);
    throw error;
  }
}

/**
 * Checks the whole audit chain and its signed checkpoints, prints what it found and keeps the
 * result for the audit page. Exit status 0 intact, 1 broken.
 */
export async function runAuditVerify(
  config: Config,
  options: { publicKey?: string; json?: boolean },
): Promise<number> {
  const key = checkingKey(config, options.publicKey);
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const startedAt = new Date();
    let shown = 0;
    const report = await verifyAuditChain(database.handle.db, {
      key,
      onProgress: (records) => {
        // A long chain shows it is moving, on stderr so --json stays clean.
        if (records - shown >= 100_000 && process.stderr.isTTY) {
          shown = records;
          note(`checked ${records.toLocaleString('en')} records...`);
        }
      },
    });
    await recordVerification(database.handle.db, report, { source: 'cli', startedAt });
    const seconds = ((Date.now() - startedAt.getTime()) / 1000).toFixed(1);
    if (options.json) print(JSON.stringify({ ...report, seconds: Number(seconds) }));
    else if (report.problem) {
      print(`BROKEN  ${report.problem.message}`);
      print(
        `        (${report.problem.kind} at place ${report.problem.seq}; ${report.records} records before it hold)`,
      );
    } else
      print(
        `INTACT  ${report.records} records up to place ${report.headSeq}, ${report.checkpoints} signed checkpoints checked${key ? '' : ' (signatures not checked)'}, in ${seconds} s.`,
      );
    return report.intact ? 0 : 1;
  } finally {
    await database.close();
  }
}

/** Signs the chain's head now (the worker does it every 10 minutes). */
export async function runAuditCheckpoint(config: Config): Promise<number> {
  const key = openAuditSigningKey(config);
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const { signedSeq, report } = await signAuditCheckpoint(database.handle.db, key);
    if (report.problem) {
      print(`BROKEN  ${report.problem.message}`);
      print('        Nothing was signed. Run `rabita audit verify` to check the whole chain.');
      return 1;
    }
    print(
      signedSeq
        ? `Signed the chain's head at place ${signedSeq} (key ${key.keyId.slice(0, 16)}).`
        : `Nothing new since the last checkpoint (place ${report.headSeq}).`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

/** Writes every signed checkpoint with its public key, as JSON, for an auditor to keep. */
export async function runAuditExport(config: Config, output: string | undefined) {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const checkpoints = await exportCheckpoints(database.handle.db);
    const text = `${JSON.stringify({ format: 'rabita-audit-checkpoints-1', checkpoints }, null, 2)}\n`;
    if (output) {
      fs.writeFileSync(output, text);
      note(`Wrote ${checkpoints.length} checkpoints to ${output}.`);
    } else process.stdout.write(text);
    return 0;
  } finally {
    await database.close();
  }
}
