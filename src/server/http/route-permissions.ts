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
 * Refuses, at start-up, any API route that does not declare its permission. Routes added by
 * plugins outside the API (static files, the docs page) are read-only and public by nature.
 */
export function requireDeclaredPermissions(app: FastifyInstance): void {
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
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
