import type { FastifyInstance, FastifySchema } from 'fastify';
import type { Permission } from '../../contract/roles.js';

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: Permission;
  /** The route's request and response schemas (zod), for tests that walk every route. */
  schema?: FastifySchema;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the permission it demands; the route tests read it. */
    declaredRoutes: DeclaredRoute[];
  }
}

/**
 * Refuses, at start-up, any API route that does not declare its permission, and any route of
 * ours in the OpenAPI document without an `operationId` (unique: clients generated from the
 * document name their functions after it) and a `summary`. Routes added by plugins outside the
 * API (static files, the docs page) are read-only and public by nature.
 */
export function requireDeclaredPermissions(app: FastifyInstance): void {
  const declared: DeclaredRoute[] = [];
  const operationIds = new Map<string, string>();
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const name = `${methods.join(',')} ${route.url}`;
    const schema = route.schema;
    // Fastify adds HEAD beside each GET, and a prefix's '/' with and without its slash.
    const documented = route.config?.permission && !schema?.hide && !methods.includes('HEAD');
    if (documented) {
      const id = schema?.operationId;
      if (!id || !/^[a-z][a-zA-Z0-9]*$/.test(id) || !schema?.summary) {
        throw new Error(`route ${name} declares no camelCase operationId and summary`);
      }
      const other = operationIds.get(id);
      if (other && other !== name.replace(/\/$/, '')) {
        throw new Error(`routes ${other} and ${name} share the operationId ${id}`);
      }
      operationIds.set(id, name.replace(/\/$/, ''));
    }
    let permission = route.config?.permission;
    if (!permission) {
      const readOnly = methods.every((m) => m === 'GET' || m === 'HEAD');
      if (route.url.startsWith('/api/v1') || !readOnly) {
        throw new Error(`route ${methods.join(',')} ${route.url} declares no permission`);
      }
      permission = 'public';
      route.config = { ...route.config, permission };
    }
    for (const method of methods) {
      declared.push({ method, url: route.url, permission, schema: route.schema });
    }
  });
}
