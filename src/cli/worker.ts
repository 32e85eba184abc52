import type { Config } from '../server/config.js';
import { startJobWorker } from '../server/jobs/worker.js';
import { openAuditSigningKey, openDatabase, StartupError } from '../server/main.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** A logger for the worker's own process: one JSON line per event, as the server writes. */
export function jsonLogger() {
  const at = (level: string) => (obj: object, msg?: string) =>
    process.stdout.write(`${JSON.stringify({ level, time: Date.now(), ...obj, msg })}\n`);
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * Runs the job queue in a process of its own, beside servers started with RABITA_JOBS=off:
 * e-mails, notices and the recurring jobs. Several may run at once; each job runs on one.
 */
export async function runWorker(config: Config): Promise<number> {
  if (!config.databaseUrl)
    throw new StartupError(
      'a separate worker needs DATABASE_URL (the server’s PostgreSQL); with the embedded database the server runs its jobs itself',
    );
  const auditKey = openAuditSigningKey(config);
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const worker = await startJobWorker({
      db: database.handle.db,
      url: database.url,
      logger: jsonLogger(),
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      concurrency: config.jobConcurrency,
      auditKey,
    });
    print('Rabita worker is running; stop it with Ctrl+C or SIGTERM.');
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.removeAllListeners(signal);
        process.once(signal, () => resolve());
      }
    });
    print('Stopping the worker; jobs in progress finish first...');
    await worker.stop();
    return 0;
  } finally {
    await database.close();
  }
}
