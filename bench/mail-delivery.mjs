// The e-mail half of the nominations benchmark: a real SMTP server that keeps what it receives,
// the job worker in a process of its own, and the check that every joining-instructions e-mail
// of the rush arrived exactly once.
import { fork } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { root } from './lib.mjs';

const JOINING = 'joining-instructions';
/** The queue's tasks a selection sets off; the drain waits for none of them to be left. */
const TASKS = ['nominations.announce', 'mail.send'];

/**
 * An SMTP server on a free port (the `smtp-server` package, as the tests' fixture uses), which
 * reads each message's header only: Message-ID and Rabita's event, with the envelope's
 * recipients and the time it was accepted.
 */
export async function startSmtpSink() {
  const received = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      let done = false;
      stream.on('data', (chunk) => {
        if (done) return;
        head += chunk.toString('utf8');
        if (head.includes('\r\n\r\n')) done = true;
      });
      stream.on('end', () => {
        const headers = parseHeader(head.split('\r\n\r\n')[0]);
        received.push({
          at: performance.now(),
          messageId: headers.get('message-id') ?? '',
          event: headers.get('x-rabita-event') ?? '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        });
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    received,
    forget: () => received.splice(0),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function parseHeader(text) {
  const headers = new Map();
  for (const line of text.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** The worker process, loaded and idle until `start()`. */
export async function forkJobWorker(env) {
  const child = fork(path.join(root, 'bench', 'job-worker.mjs'), [], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const answer = (word) =>
    new Promise((resolve, reject) => {
      const onMessage = (message) => {
        if (message !== word) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve();
      };
      const onExit = (code) => reject(new Error(`the job worker exited with ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  await answer('loaded');
  return {
    pid: child.pid,
    start: () => {
      const started = answer('started');
      child.send('start');
      return started;
    },
    stop: () => {
      const stopped = answer('stopped');
      child.send('stop');
      return stopped;
    },
    exit: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Rows of one query, on a client of its own or on `on` when it is a connected client. */
async function rows(on, text, values) {
  if (typeof on !== 'string') return (await on.query(text, values)).rows;
  const client = new pg.Client({ connectionString: on });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Jobs of a selection's tasks still in the queue, and those that used every attempt. */
export async function queueLeft(on) {
  const [row] = await rows(
    on,
    `select count(*)::int as left,
       count(*) filter (where attempts >= max_attempts)::int as failed,
       string_agg(distinct last_error, '; ') as errors
     from graphile_worker.jobs where task_identifier = any($1)`,
    [TASKS],
  );
  return row;
}

/** Runs the worker until the queue holds none of a selection's jobs; for the untimed set-up. */
export async function drainQueue(url, worker, timeoutMs = 600_000) {
  await worker.start();
  const until = Date.now() + timeoutMs;
  try {
    for (;;) {
      const { left, failed, errors } = await queueLeft(url);
      if (left === failed) {
        if (failed > 0) throw new Error(`${failed} jobs failed: ${errors}`);
        return;
      }
      if (Date.now() > until) throw new Error(`${left} jobs still queued after the drain`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await worker.stop();
  }
}

/**
 * The joining instructions the rush owes, from the nominations as the rush left them: for each
 * nomination given a seat during the rush (selected, or promoted from the waitlist, since
 * `since`) and still selected at its end, one to the person, who has an e-mail, and one to each
 * active NPOC of the nation. A selection withdrawn before its job ran is not announced
 * (announce-job.ts).
 */
export async function expectedJoining(url, codes, since) {
  const list = await rows(
    url,
    `with seated as (
       select n.id, n.participant_id, n.nation_code
         from nominations n join training_sessions s on s.id = n.session_id
        where s.code = any($1) and n.status = 'selected'
          and exists (select 1 from nomination_events e where e.nomination_id = n.id
                       and e.action in ('select', 'promote') and e.at >= $2))
     select lower(p.email) as address, count(*)::int as n
       from seated join participants p on p.id = seated.participant_id
      where p.email is not null
      group by 1
     union all
     select lower(u.email), count(*)::int
       from seated join users u on u.nation_code = seated.nation_code
        and u.active and 'npoc' = any(u.roles)
      group by 1`,
    [codes, since],
  );
  return new Map(list.map((r) => [r.address, r.n]));
}

/**
 * Starts the worker and waits until the sink holds every expected joining-instructions e-mail
 * and the queue holds none of a selection's jobs (so a late duplicate would be seen too). Then
 * checks each recipient got what was owed, no Message-ID came twice, and the Message-IDs are
 * those of the outbox's joining-instructions rows written since `since` (an outbox id each).
 * `ended` is when the rush ended, the clock's start.
 */
export async function measureDelivery({ url, worker, sink, codes, since, ended, timeoutMs }) {
  await worker.start();
  const workerReady = performance.now();
  const expected = await expectedJoining(url, codes, since);
  const owed = [...expected.values()].reduce((a, b) => a + b, 0);
  const joining = () => sink.received.filter((m) => m.event === JOINING);
  const until = Date.now() + timeoutMs;
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  let timedOut = false;
  let queue;
  let checked = 0;
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      // The sink's count is free to read; the queue is asked once all are in, or each second.
      if (joining().length < owed && Date.now() - checked < 1_000) continue;
      checked = Date.now();
      queue = await queueLeft(watcher);
      if (queue.left === queue.failed) break;
      if (Date.now() > until) {
        timedOut = true;
        break;
      }
    }
  } finally {
    await watcher.end();
  }
  await worker.stop();

  const mails = joining();
  const failures = [];
  const byRecipient = new Map();
  for (const m of mails) for (const to of m.to) byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
  for (const [address, n] of expected) {
    const got = byRecipient.get(address) ?? 0;
    if (got < n) failures.push(`${address}: ${n - got} of ${n} missing`);
    if (got > n) failures.push(`${address}: ${got} received, ${n} owed (${got - n} duplicated)`);
  }
  for (const [address, n] of byRecipient)
    if (!expected.has(address)) failures.push(`${address}: ${n} received, none owed`);
  const byId = new Map();
  for (const m of mails) byId.set(m.messageId, (byId.get(m.messageId) ?? 0) + 1);
  for (const [id, n] of byId) if (n > 1) failures.push(`Message-ID ${id} received ${n} times`);
  const outbox = await rows(
    url,
    `select id::text as id, status from outbox_messages where event = $1 and created_at >= $2`,
    [JOINING, since],
  );
  const outboxIds = new Set(outbox.map((r) => r.id));
  const idOf = (messageId) => /^<outbox-(\d+)-/.exec(messageId)?.[1];
  for (const id of byId.keys())
    if (!outboxIds.has(idOf(id))) failures.push(`Message-ID ${id} is no outbox row of the rush`);
  const delivered = new Set([...byId.keys()].map(idOf));
  const unsent = outbox.filter((r) => !delivered.has(r.id));
  if (unsent.length > 0)
    failures.push(
      `${unsent.length} outbox rows never arrived (${unsent
        .slice(0, 5)
        .map((r) => `${r.id} ${r.status}`)
        .join(', ')})`,
    );
  if (queue.failed > 0) failures.push(`${queue.failed} jobs failed: ${queue.errors}`);
  if (timedOut)
    failures.push(`not complete within ${timeoutMs / 1000} s (${queue.left} jobs still queued)`);

  const last = mails.reduce((latest, m) => Math.max(latest, m.at), ended);
  const all = sink.received.filter((m) => m.at >= ended);
  return {
    owed,
    received: mails.length,
    recipients: expected.size,
    messageIds: byId.size,
    others: all.length - mails.length,
    otherKinds: [...new Set(all.filter((m) => m.event !== JOINING).map((m) => m.event))],
    /** From the end of the rush to the worker's pool listening for jobs. */
    startMs: workerReady - ended,
    /** From the end of the rush to the last joining e-mail received. */
    seconds: (last - ended) / 1000,
    /** Every e-mail the rush set off (account invitations too), to the last one. */
    allSeconds: (all.reduce((latest, m) => Math.max(latest, m.at), ended) - ended) / 1000,
    allCount: all.length,
    failures,
  };
}
