import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { routeGroupFiles, routes } from '../../functions/api/routes';
import { APP_CONTEXT, buildApp } from './build';

/**
 * CDK app entry (cdk.json: `node --import tsx infra/aws/app.ts`).
 *
 *   npm run synth                                   # offline, bundles with the local esbuild
 *   npx cdk synth -c env=staging -c region=eu-central-1 -c mailDomain=mail.example.az
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const app = new App({ context: APP_CONTEXT });
buildApp(app, { projectRoot, routes, groupFiles: routeGroupFiles });
