import { openApiDocument } from '../functions/api/openapi';

/** Prints the OpenAPI document (the gateway serves the same at /api/openapi.json). */
process.stdout.write(`${JSON.stringify(openApiDocument(), null, 2)}\n`);
