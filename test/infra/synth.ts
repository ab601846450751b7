import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { routeGroupFiles, routes } from '../../functions/api/routes';
import { APP_CONTEXT, buildApp, type Built } from '../../infra/aws/build';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface Synthesized extends Built {
  readonly app: App;
  readonly main: Built['main'];
  readonly mainTemplate: Template;
  readonly edgeTemplate: Template;
  /** CDK's validation report (cdk-nag runs as a policy-validation plugin). */
  readonly report: ValidationReport;
}

export interface ValidationViolation {
  ruleName: string;
  severity: string;
  description: string;
  violatingConstructs: Array<{ constructPath: string }>;
}
export interface ValidationReport {
  pluginReports: Array<{
    pluginName: string;
    conclusion: string;
    violations: ValidationViolation[];
    suppressedViolations?: Array<ValidationViolation & { reason?: string }>;
  }>;
}

/**
 * The deployment parameters the tested app is synthesized with (a production environment: it
 * fails without an alarm recipient), as `cdk synth -c key=value` would give them.
 */
export const DEPLOYMENT_CONTEXT = {
  alarmEmails: 'duty@karguzar.example, ops@karguzar.example',
  alarmWebhooks: 'https://alerts.karguzar.example/sns',
  smsMonthlyLimitUsd: '50',
  search: 'true',
} as const;

const cached = new Map<boolean, Synthesized>();

/**
 * Synthesizes the real app (real route table, real statemachines/ folder) once per test
 * file, with cdk-nag on and Lambda bundling skipped (`aws:cdk:bundling-stacks: []`):
 * bundling is exercised by `npm run synth`; here it would only add esbuild time.
 * `cloudFormationValidation: false` skips CDK's schema validation (most of the synth time) for
 * files that only read the templates; stack.test.ts keeps it on.
 */
export function synth(options: { cloudFormationValidation?: boolean } = {}): Synthesized {
  const validate = options.cloudFormationValidation ?? true;
  const hit = cached.get(validate);
  if (hit) return hit;
  const app = new App({
    builtinCloudFormationValidation: validate,
    outdir: mkdtempSync(join(tmpdir(), 'karguzar-cdk-')),
    context: { ...APP_CONTEXT, 'aws:cdk:bundling-stacks': [], ...DEPLOYMENT_CONTEXT },
  });
  const built = buildApp(app, { projectRoot, routes, groupFiles: routeGroupFiles, nag: true });
  // Throws (in-memory app mode under vitest) when a validation plugin reports an error.
  const assembly = app.synth();
  const report = JSON.parse(
    readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'),
  ) as ValidationReport;
  const result: Synthesized = {
    ...built,
    app,
    mainTemplate: Template.fromStack(built.main),
    edgeTemplate: Template.fromStack(built.edge),
    report,
  };
  cached.set(validate, result);
  return result;
}
