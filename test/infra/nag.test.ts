import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';

/**
 * Control for the cdk-nag harness used in stack.test.ts: the same plugin setup must fail
 * synthesis on a known finding, and an acknowledgement must clear exactly that finding.
 */
function appWithBareBucket(acknowledge: boolean): App {
  const app = new App({
    builtinCloudFormationValidation: false,
    outdir: mkdtempSync(join(tmpdir(), 'karguzar-nag-')),
  });
  const stack = new Stack(app, 'Control', { env: { account: '111111111111', region: 'eu-central-1' } });
  const bucket = new Bucket(stack, 'Bare', { enforceSSL: true });
  if (acknowledge) {
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Control case: access logging deliberately absent in this test fixture bucket.',
    });
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

describe('cdk-nag harness', () => {
  it('fails synthesis on an unacknowledged AwsSolutions error', () => {
    expect(() => appWithBareBucket(false).synth()).toThrow(/AwsSolutions-S1/);
  });

  it('passes once the finding is acknowledged', () => {
    expect(() => appWithBareBucket(true).synth()).not.toThrow();
  });
});
