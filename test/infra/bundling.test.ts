import { execSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { routeGroupFiles } from '../../functions/api/routes';
import { bundlingWith, projectEsbuildOptions } from '../../infra/aws/constructs/project-function';
import { projectRoot } from './synth';

/** Bundles an entry the way NodejsFunction does with the project's options, into a fresh folder outside the repository. */
async function bundle(entry: string): Promise<{ dir: string; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'karguzar-bundle-'));
  const outfile = join(dir, 'index.mjs');
  await build(projectEsbuildOptions(join(projectRoot, entry), outfile));
  return { dir, url: pathToFileURL(outfile).href };
}

/** Bundles an entry and loads it. */
async function bundled(
  entry: string,
): Promise<{ handler: (event: unknown, context: object) => Promise<unknown> }> {
  return (await import((await bundle(entry)).url)) as never;
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

  it('carry the files their code reads: the signatures bundle finds its fonts beside its entry, not in node_modules', async () => {
    // Arrange: the font module bundled into a folder with no node_modules above it
    const files = routeGroupFiles.signatures?.() ?? [];
    const { dir, url } = await bundle('functions/modules/signatures/pdf/font.ts');
    type FontModule = { textFonts(): { regular: Uint8Array; bold: Uint8Array } };
    const bare = (await import(`${url}?bare`)) as FontModule;
    const withoutFiles = (() => {
      try {
        return bare.textFonts();
      } catch (err) {
        return err;
      }
    })();

    // Act: the stack's bundling hook copies the files in
    const hooks = bundlingWith(files).commandHooks;
    for (const command of hooks?.afterBundling(projectRoot, dir) ?? []) execSync(command);
    const carried = (await import(`${url}?carried`)) as FontModule;

    // Assert
    expect(files.map((f) => f.to)).toEqual(['fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf']);
    expect(withoutFiles).toBeInstanceOf(Error);
    const fonts = carried.textFonts();
    expect(fonts.regular.byteLength).toBe(statSync(files[0]!.from).size);
    expect(fonts.bold.byteLength).toBe(statSync(files[1]!.from).size);
  });

  it('carry only what their entry uses: no zod locale, S3 client nor PDF library in the health group', async () => {
    // Arrange
    const dir = mkdtempSync(join(tmpdir(), 'karguzar-bundle-'));
    const entry = join(projectRoot, 'functions/api/handlers/system.handler.ts');

    // Act
    const { metafile } = await build({
      ...projectEsbuildOptions(entry, join(dir, 'index.mjs')),
      metafile: true,
    });

    // Assert
    const carried = Object.entries(metafile.outputs)
      .flatMap(([, output]) => Object.entries(output.inputs))
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
    expect(
      carried.filter((p) =>
        /zod\/v4\/locales\/(?!en\.js)|client-s3|pdf-lib|fontkit|exceljs|client-sfn|client-kms/.test(p),
      ),
    ).toEqual([]);
    expect(carried.some((p) => p.includes('client-dynamodb'))).toBe(true);
  });
});
