import { SMTPServer } from 'smtp-server';
import { rows } from './surge.js';

// The e-mail half of the checks, as bench/mail-delivery.mjs makes them: a real SMTP server keeps
// each message's Message-ID, event and recipients; every joining-instructions e-mail owed must
// arrive exactly once.

const JOINING = 'joining-instructions';

export interface Received {
  messageId: string;
  event: string;
  to: string[];
}

export async function startSmtpSink() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (!head.includes('\r\n\r\n')) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const headers = new Map<string, string>();
        for (const line of head
          .split('\r\n\r\n')[0]
          ?.replace(/\r\n[ \t]+/g, ' ')
          .split('\r\n') ?? []) {
          const colon = line.indexOf(':');
          if (colon > 0)
            headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
        }
        received.push({
          messageId: headers.get('message-id') ?? '',
          event: headers.get('x-rabita-event') ?? '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    forget: () => received.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Jobs of a selection's tasks still queued, and those that used every attempt. */
export async function queueLeft(url: string) {
  const [row] = await rows<{ left: number; failed: number; errors: string | null }>(
    url,
    `select count(*)::int as left,
       count(*) filter (where attempts >= max_attempts)::int as failed,
       string_agg(distinct last_error, '; ') as errors
     from graphile_worker.jobs where task_identifier = any($1)`,
    [['nominations.announce', 'mail.send']],
  );
  return row as { left: number; failed: number; errors: string | null };
}

/**
 * Joining instructions owed for the sessions: for each nomination given a seat since `since`
 * and still selected, one to the person and one to each active NPOC of the nation.
 */
async function expectedJoining(url: string, codes: string[], since: Date) {
  const list = await rows<{ address: string; n: number }>(
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

/** Compares what arrived with what is owed; returns the owed count, duplicates and failures. */
export async function checkJoining(
  url: string,
  codes: string[],
  since: Date,
  received: Received[],
) {
  const expected = await expectedJoining(url, codes, since);
  const owed = [...expected.values()].reduce((a, b) => a + b, 0);
  const mails = received.filter((m) => m.event === JOINING);
  const failures: string[] = [];
  const byRecipient = new Map<string, number>();
  for (const m of mails) for (const to of m.to) byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
  let duplicated = 0;
  for (const [address, n] of expected) {
    const got = byRecipient.get(address) ?? 0;
    if (got < n) failures.push(`${address}: ${n - got} of ${n} missing`);
    if (got > n) {
      duplicated += got - n;
      failures.push(`${address}: ${got} received, ${n} owed`);
    }
  }
  for (const [address, n] of byRecipient)
    if (!expected.has(address)) failures.push(`${address}: ${n} received, none owed`);
  const byId = new Map<string, number>();
  for (const m of mails) byId.set(m.messageId, (byId.get(m.messageId) ?? 0) + 1);
  for (const [id, n] of byId) if (n > 1) failures.push(`Message-ID ${id} received ${n} times`);
  return { owed, received: mails.length, duplicated, failures };
}
