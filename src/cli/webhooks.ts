import type { z } from 'zod';
import { Uuid } from '../contract/common.js';
import {
  CreateWebhookEndpointRequest,
  type WebhookDelivery,
  WebhookDeliveryId,
  WebhookDeliveryQuery,
  type WebhookEndpoint,
} from '../contract/webhooks.js';
import type { Config } from '../server/config.js';
import { type ServiceContext, systemContext } from '../server/features/context.js';
import * as webhooks from '../server/features/webhooks/service.js';
import { AppError } from '../server/http/errors.js';
import { openDatabase } from '../server/main.js';
import { UsageError } from './command.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

function issuesOf(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
}

function endpointLine(e: WebhookEndpoint): string {
  const audience = e.nationCode ? `nation ${e.nationCode}` : 'the centre';
  const state = e.enabled ? 'enabled' : 'disabled';
  return `${e.id}  ${e.url}  (${audience}, ${state}; ${e.events.join(', ')}; ${e.pending} pending, ${e.failed} failed)  ${e.description}`;
}

function deliveryLine(d: WebhookDelivery): string {
  const status = d.lastStatusCode === null ? d.status : `${d.status} ${d.lastStatusCode}`;
  return `${d.id}  ${d.createdAt}  ${d.eventType}  ${status}, ${d.attempts} attempts`;
}

/** Runs one webhooks command as the system, in one transaction, and prints its answer. */
async function withService(
  config: Config,
  work: (ctx: ServiceContext) => Promise<string[]>,
): Promise<number> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const lines = await database.handle.db.transaction((tx) =>
      work(systemContext(tx, 'cli-webhooks')),
    );
    for (const line of lines) print(line);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`rabita: ${error.message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}

export interface WebhooksArgs {
  action: string;
  target?: string;
  events: string[];
  description?: string;
  nation?: string;
  status?: string;
}

/**
 * `rabita webhooks list|add|deliveries|resend|test`: the administrator's webhooks page from the
 * command line, through the same service (so the same checks and audit records).
 */
export async function runWebhooks(config: () => Config, args: WebhooksArgs): Promise<number> {
  const needTarget = (what: string, form?: z.ZodType<string>) => {
    if (!args.target) throw new UsageError(`rabita webhooks ${args.action} needs ${what}`);
    if (form && !form.safeParse(args.target).success) {
      throw new UsageError(`${JSON.stringify(args.target)} is not ${what}`);
    }
    return args.target;
  };
  switch (args.action) {
    case 'list':
      return withService(config(), async (ctx) => {
        const endpoints = await webhooks.listEndpoints(ctx);
        return endpoints.length === 0
          ? ['No webhook endpoints: add one with rabita webhooks add URL --event EVENT.']
          : endpoints.map(endpointLine);
      });
    case 'add': {
      const parsed = CreateWebhookEndpointRequest.safeParse({
        url: needTarget('the receiver URL'),
        description: args.description ?? args.target,
        events: args.events,
        nationCode: args.nation ?? null,
      });
      if (!parsed.success) throw new UsageError(issuesOf(parsed.error));
      return withService(config(), async (ctx) => {
        const made = await webhooks.createEndpoint(ctx, parsed.data);
        return [
          endpointLine(made),
          `Signing secret (shown once; give it to the receiver): ${made.secret}`,
        ];
      });
    }
    case 'deliveries': {
      const endpoint = needTarget('an endpoint id', Uuid);
      const query = WebhookDeliveryQuery.safeParse({ status: args.status });
      if (!query.success) throw new UsageError(issuesOf(query.error));
      return withService(config(), async (ctx) => {
        const deliveries = await webhooks.listDeliveries(ctx, endpoint, query.data);
        return deliveries.length === 0 ? ['No deliveries.'] : deliveries.map(deliveryLine);
      });
    }
    case 'resend': {
      const delivery = needTarget('a delivery id (msg_...)', WebhookDeliveryId);
      return withService(config(), async (ctx) => [
        deliveryLine(await webhooks.resendDelivery(ctx, delivery)),
      ]);
    }
    case 'test': {
      const endpoint = needTarget('an endpoint id', Uuid);
      return withService(config(), async (ctx) => [
        deliveryLine(await webhooks.sendTestEvent(ctx, endpoint)),
      ]);
    }
    default:
      throw new UsageError('rabita webhooks takes list, add, deliveries, resend or test');
  }
}
