import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clientTypes } from './api-client.js';
import { openApiDocument } from './openapi-document.js';

// `npm run api:client [folder]`: the OpenAPI document and the client's types, in `api-client/`
// unless another folder is given. Generated, so not committed: the server is the source.
const folder = process.argv[2] ?? 'api-client';
const document = await openApiDocument();
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
writeFileSync(path.join(folder, 'api.d.ts'), await clientTypes(document));
console.log(`Wrote ${folder}/openapi.json and ${folder}/api.d.ts.`);
