import type { LightMyRequestResponse } from 'fastify';
import type pg from 'pg';

export interface ExportAudit {
  actorId: string | null;
  entityType: string;
  entityId: string;
  after: {
    export: string;
    format: string;
    rows?: number;
    filters?: Record<string, unknown>;
  };
}

/** The `data.exported` audit records a download wrote, found by its request id. */
export async function exportAuditsOf(
  pool: pg.Pool,
  response: LightMyRequestResponse,
): Promise<ExportAudit[]> {
  const { rows } = await pool.query<ExportAudit>(
    `select actor_id as "actorId", entity_type as "entityType", entity_id as "entityId", after
       from audit_log where action = 'data.exported' and request_id = $1 order by id`,
    [String(response.headers['x-request-id'])],
  );
  return rows;
}
