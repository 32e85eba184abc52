import type { CliCommand } from './command.js';

// Typed here, not read from export.ts, so `rabita --help` loads none of the server's modules.
const LISTS =
  'people, nominations, sessions, activities, users, audit, outbox, programmes, attendance, results';

export const exportCommand: CliCommand = {
  name: ['export'],
  summary: 'write a list (people, nominations, sessions, ...) as CSV or XLSX',
  help: `Usage: rabita export LIST [--format csv|xlsx] [--out FILE] [--lang en|fr|ar]
                           [--filter NAME=VALUE ...] [--session CODE]

Writes a list as the web's Export menu does, with the centre's whole view: the same columns,
headers in the chosen language, formulas neutralised, and an audit record for personal data.
Rows are streamed, so a list of any length fits in little memory.

  LIST               ${LISTS}
  --format           csv (default; UTF-8 with BOM, as spreadsheet programs expect) or xlsx
  --out FILE         where to write (default: the list's own file name in this folder);
                     - writes to stdout. An existing file is replaced only when the export
                     is complete.
  --lang             the headers' language (default en); ar lays the XLSX out right to left
  --filter NAME=VALUE  a filter of the list's page, as its query string names it, e.g.
                     --filter nationCode=KWT --filter q="عبد الله" (repeat for several)
  --session CODE     the session of attendance and results

Exit status: 0 written; 1 the export could not be made (e.g. no such session); 2 wrong
arguments, such as an unknown list or filter.
`,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    filter: { type: 'string', multiple: true },
    session: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  run: async ({ config, values, positionals }) =>
    (await import('./export.js')).runExport(config, {
      list: positionals[0] ?? '',
      format: values.format as string | undefined,
      out: values.out as string | undefined,
      lang: values.lang as string | undefined,
      session: values.session as string | undefined,
      filters: (values.filter as string[] | undefined) ?? [],
    }),
};

export const searchCommand: CliCommand = {
  name: ['search'],
  summary: 'find people, sessions, activities, nominations and nations by name',
  help: `Usage: rabita search WORDS [--json]

Searches as the web's search box (Ctrl+K) does, with the centre's whole view: Arabic with or
without vowel marks, tatweel, hamza forms or the article, "عبد الله" written apart or joined,
and Latin transliterations (Mohammed, Muhammad, Mohamed). Every word must match.

  --json   print the results as one JSON object

Exit status: 0 something found; 1 nothing found; 2 wrong arguments.
`,
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 20 },
  run: async ({ config, values, positionals }) =>
    (await import('./search.js')).runSearch(config(), positionals.join(' '), values.json === true),
};

export const webhooksCommand: CliCommand = {
  name: ['webhooks'],
  summary: 'list, add and test webhook endpoints; list and resend their deliveries',
  help: `Usage: rabita webhooks list
       rabita webhooks add URL --event EVENT [--event EVENT ...] [--description TEXT]
                           [--nation KWT]
       rabita webhooks deliveries ENDPOINT_ID [--status pending|delivered|failed]
       rabita webhooks resend DELIVERY_ID
       rabita webhooks test ENDPOINT_ID

The administrator's Webhooks page from the command line, with the same checks and audit
records. "add" prints the endpoint's signing secret once; receivers check each delivery with
any Standard Webhooks library. Without --nation the endpoint is the centre's own system and
gets every event in full; with it, only that nation's events, trimmed to what its national
point of contact may read. "resend" queues a delivery again now; "test" sends a webhook.test
event.

  EVENT: nomination.decided, session.changed, session.cancelled, certificate.issued,
         certificate.revoked, import.committed

Exit status: 0 done; 1 refused (e.g. no such endpoint); 2 wrong arguments.
`,
  options: {
    event: { type: 'string', multiple: true },
    description: { type: 'string' },
    nation: { type: 'string' },
    status: { type: 'string' },
  },
  positionals: { min: 1, max: 2 },
  run: async ({ config, values, positionals }) =>
    (await import('./webhooks.js')).runWebhooks(config, {
      action: positionals[0] ?? '',
      target: positionals[1],
      events: (values.event as string[] | undefined) ?? [],
      description: values.description as string | undefined,
      nation: values.nation as string | undefined,
      status: values.status as string | undefined,
    }),
};
