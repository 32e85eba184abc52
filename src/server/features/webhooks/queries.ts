import { and, arrayContains, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;

const counts = {
  pending: sql<number>`(select count(*)::int from webhook_deliveries d
    where d.endpoint_id = webhook_endpoints.id and d.status = 'pending')`,
  failed: sql<number>`(select count(*)::int from webhook_deliveries d
    where d.endpoint_id = webhook_endpoints.id and d.status = 'failed')`,
};

export type EndpointWithCounts = EndpointRow & { pending: number; failed: number };

export async function listEndpoints(db: DbOrTx): Promise<EndpointWithCounts[]> {
  const rows = await db
    .select({ endpoint: webhookEndpoints, ...counts })
    .from(webhookEndpoints)
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
  return rows.map((r) => ({ ...r.endpoint, pending: r.pending, failed: r.failed }));
}

export async function findEndpoint(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<EndpointWithCounts | undefined> {
  const query = db
    .select({ endpoint: webhookEndpoints, ...counts })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id));
  const [row] = await (lock ? query.for('update', { of: webhookEndpoints }) : query);
  return row ? { ...row.endpoint, pending: row.pending, failed: row.failed } : undefined;
}

export async function insertEndpoint(db: DbOrTx, values: typeof webhookEndpoints.$inferInsert) {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  return row as EndpointRow;
}

export async function updateEndpoint(
  db: DbOrTx,
  id: string,
  values: Partial<typeof webhookEndpoints.$inferInsert>,
) {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return row;
}

export async function deleteEndpoint(db: DbOrTx, id: string) {
  const [row] = await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning();
  return row;
}

/** The enabled endpoints that asked for an event: the centre's, and those of the nations given. */
export async function subscribedEndpoints(
  db: DbOrTx,
  eventType: string,
  nationCodes: readonly string[],
) {
  return db
    .select({ id: webhookEndpoints.id, nationCode: webhookEndpoints.nationCode })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.enabled, true),
        arrayContains(webhookEndpoints.events, [eventType]),
        nationCodes.length > 0
          ? or(
              isNull(webhookEndpoints.nationCode),
              inArray(webhookEndpoints.nationCode, [...nationCodes]),
            )
          : isNull(webhookEndpoints.nationCode),
      ),
    );
}

export async function insertDeliveries(
  db: DbOrTx,
  rows: (typeof webhookDeliveries.$inferInsert)[],
) {
  if (rows.length > 0) await db.insert(webhookDeliveries).values(rows);
}

export async function listDeliveries(
  db: DbOrTx,
  endpointId: string,
  options: { status?: string; limit: number },
) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        options.status ? eq(webhookDeliveries.status, options.status) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(options.limit);
}

export async function attemptsOf(db: DbOrTx, deliveryIds: readonly string[]) {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, [...deliveryIds]))
    .orderBy(webhookAttempts.id);
}

export async function findDelivery(db: DbOrTx, id: string, lock = false) {
  const query = db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** A delivery with its endpoint's address and secret, for the job that sends it. */
export async function deliveryToSend(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, id));
  return row;
}

export async function updateDelivery(
  db: DbOrTx,
  id: string,
  values: Partial<typeof webhookDeliveries.$inferInsert>,
  onlyIfStatus?: string,
) {
  const [row] = await db
    .update(webhookDeliveries)
    .set(values)
    .where(
      and(
        eq(webhookDeliveries.id, id),
        onlyIfStatus ? eq(webhookDeliveries.status, onlyIfStatus) : undefined,
      ),
    )
    .returning();
  return row;
}

export async function insertAttempt(db: DbOrTx, values: typeof webhookAttempts.$inferInsert) {
  await db.insert(webhookAttempts).values(values);
}

export async function anySubscribed(db: DbOrTx, eventType: string): Promise<boolean> {
  const [row] = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.events, [eventType])),
    )
    .limit(1);
  return row !== undefined;
}
