// The job queue's worker in a process of its own, as `rabita worker` runs it, but loaded ahead
// and started on the parent's word: the benchmark starts it when the rush ends, so the rush is
// measured without it, and its start then costs no module loading. Messages from the parent:
// 'start' and 'stop'; it answers 'started' and 'stopped'. Reads DATABASE_URL, SMTP_URL,
// MAIL_FROM, PUBLIC_URL and RABITA_JOB_CONCURRENCY as `rabita worker` does.
import { importServer } from './lib.mjs';

const { loadConfig } = await importServer('src/server/config.ts');
const { connectDatabase } = await importServer('src/server/db/client.ts');
const { startJobWorker } = await importServer('src/server/jobs/worker.ts');
const { configurePublicUrl } = await importServer('src/server/features/messages/links.ts');

const config = loadConfig();
if (config.publicUrl) configurePublicUrl(config.publicUrl);
const print = (level) => (obj, msg) =>
  process.stderr.write(`${JSON.stringify({ level, ...obj, msg })}\n`);
const logger = { info: () => {}, warn: print('warn'), error: print('error') };

let database = null;
let worker = null;
process.on('message', async (message) => {
  if (message === 'start') {
    database = connectDatabase(config.databaseUrl);
    worker = await startJobWorker({
      db: database.db,
      url: config.databaseUrl,
      logger,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      concurrency: config.jobConcurrency,
      // The recurring jobs (report roll-ups each minute) would run beside the e-mails measured.
      cron: false,
    });
    process.send('started');
  } else if (message === 'stop') {
    await worker?.stop();
    await database?.close();
    worker = null;
    database = null;
    process.send('stopped');
  }
});
process.send('loaded');
