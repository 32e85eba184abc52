import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { existingWebBuild } from '../../../src/cli/web-build.js';
import { loadConfig } from '../../../src/server/config.js';
import type { Database } from '../../../src/server/db/client.js';
import { enqueueJob } from '../../../src/server/jobs/enqueue.js';
import { startServer } from '../../../src/server/main.js';
import { buildIfStale } from '../../support/build.js';
import { startMailbox } from './mailbox.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    mailDir: string;
  }
}

/**
 * A job that cannot succeed (its nomination does not exist as written), allowed one attempt:
 * the administrator's failed-jobs page and Centre today have something to show.
 */
async function queueDoomedJob(db: Database) {
  await db.transaction((tx) =>
    enqueueJob(
      tx,
      'nominations.announce',
      { nominationId: 'no-such-nomination', action: 'select' },
      { maxAttempts: 1 },
    ),
  );
}

/** Builds the web app if needed and starts Rabita with a fresh demo centre on a free port. */
export default async function setup(project: TestProject) {
  buildIfStale('server', 'web');
  const webRoot = existingWebBuild();
  if (!webRoot) throw new Error('the web app could not be built');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-e2e-mail-'));
  const mailbox = await startMailbox(mailDir);
  const config = loadConfig({
    SMTP_URL: mailbox.url,
    PORT: '0',
    HOST: '127.0.0.1',
    RABITA_DATA_DIR: dataDir,
    RABITA_DEMO: '1',
    LOG_LEVEL: 'warn',
  });
  const server = await startServer(config, webRoot);
  await queueDoomedJob(server.app.db);
  project.provide('baseUrl', server.url);
  project.provide('mailDir', mailDir);
  return async () => {
    await server.stop();
    await mailbox.close();
    fs.rmSync(mailDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
