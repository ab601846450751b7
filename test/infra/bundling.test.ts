import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PROJECT_BUNDLING } from '../../infra/aws/constructs/project-function';
import { projectRoot } from './synth';

/** Bundles an entry the way NodejsFunction does with the project's options, and loads it. */
async function bundled(
  entry: string,
): Promise<{ handler: (event: unknown, context: object) => Promise<unknown> }> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'karguzar-bundle-')), 'index.mjs');
  await build({
    entryPoints: [join(projectRoot, entry)],
    bundle: true,
    platform: 'node',
    outfile,
    format: PROJECT_BUNDLING.format,
    target: PROJECT_BUNDLING.target,
    mainFields: PROJECT_BUNDLING.mainFields,
    banner: { js: PROJECT_BUNDLING.banner },
    minify: PROJECT_BUNDLING.minify,
    keepNames: PROJECT_BUNDLING.keepNames,
    logLevel: 'silent',
  });
  return (await import(pathToFileURL(outfile).href)) as never;
}

describe('the Lambda bundles', () => {
  it('keep error names through minification (Step Functions catches ValidationError by name)', async () => {
    // Arrange
    const task = await bundled('functions/api/tasks/sendNotification.task.ts');

    // Act: an input the task refuses
    const error = await task
      .handler({ not: 'a notification' }, { functionName: 'fn', awsRequestId: 'r' })
      .catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('ValidationError');
  });
});
