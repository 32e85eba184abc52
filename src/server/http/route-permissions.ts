import type { FastifyInstance } from 'fastify';

/**
 * Refuses, at start-up, any API route that does not declare its permission. Routes added by
 * plugins outside the API (static files, the docs page) are read-only and public by nature.
 */
export function requireDeclaredPermissions(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.permission) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const readOnly = methods.every((m) => m === 'GET' || m === 'HEAD');
    if (route.url.startsWith('/api/v1') || !readOnly) {
      throw new Error(`route ${methods.join(',')} ${route.url} declares no permission`);
    }
    route.config = { ...route.config, permission: 'public' };
  });
}
