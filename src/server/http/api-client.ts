import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

const HEADER = `/**
 * The Rabita API's types, generated from its OpenAPI document by openapi-typescript
 * (\`npm run api:client\`). Do not edit: generate again.
 */
`;

/**
 * The TypeScript types of every path, operation (by its operationId) and component of the
 * document, for an integrator's client (openapi-fetch, or their own).
 */
export async function clientTypes(document: Record<string, unknown>): Promise<string> {
  return HEADER + astToString(await openapiTS(document as unknown as OpenAPI3));
}
