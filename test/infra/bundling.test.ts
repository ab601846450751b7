import { execFileSync, execSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { routeGroupFiles } from '../../functions/api/routes';
import { bundlingWith, projectEsbuildOptions } from '../../infra/aws/constructs/project-function';
import { TASK_BUNDLES } from '../../infra/aws/constructs/workflows';
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

  it('carry no X-Ray SDK and no credential chain beyond the environment; only route groups carry jose and STS', async () => {
    // Arrange
    const carriedBy = async (entry: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'karguzar-bundle-'));
      const { metafile } = await build({
        ...projectEsbuildOptions(join(projectRoot, entry), join(dir, 'index.mjs')),
        metafile: true,
      });
      return Object.values(metafile.outputs)
        .flatMap((output) => Object.entries(output.inputs))
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path);
    };
    const chain = /aws-xray-sdk|credential-provider-(?!env)|nested-clients|token-providers/;

    // Act
    const task = await carriedBy('functions/api/tasks/digestRecipients.task.ts');
    const group = await carriedBy('functions/api/handlers/system.handler.ts');

    // Assert
    expect(task.filter((p) => chain.test(p))).toEqual([]);
    expect(group.filter((p) => chain.test(p))).toEqual([]);
    expect(task.some((p) => p.includes('functions/platform/adapters/lambda-credentials.ts'))).toBe(true);
    expect(task.filter((p) => /node_modules\/(jose|@aws-sdk\/client-sts)\//.test(p))).toEqual([]);
    expect(group.some((p) => p.includes('node_modules/jose/'))).toBe(true);
    expect(group.some((p) => p.includes('@aws-sdk/client-sts'))).toBe(true);
  });
});

/**
 * What NodejsFunction's `nodeModules` install puts into the asset: the package at the version the
 * lock file pinned, with its dependencies. Here copied from the project's own install (the same
 * versions; no registry at test time).
 */
function installInto(dir: string, names: readonly string[]): void {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const from = join(projectRoot, 'node_modules', name);
    cpSync(from, join(dir, 'node_modules', name), { recursive: true, dereference: true });
    const pkg = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
  };
  for (const name of names) visit(name);
}

/** A one-line "scan" as a PNG (pixels only). */
const scanPng = async (line: string): Promise<Buffer> => {
  const { default: sharp } = await import('sharp');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="220">
    <rect width="100%" height="100%" fill="white"/>
    <text x="50" y="140" font-family="DejaVu Sans, sans-serif" font-size="72" fill="black">${line}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).png().toBuffer();
};

describe('the text extraction bundle', () => {
  it('OCRs a scan from the built asset: tesseract.js installed beside the entry, the models in tessdata/', async () => {
    // Arrange: the extraction code built with the extractContentText task's bundling, in a folder
    // with no node_modules above it; the hooks copy the models, the install puts tesseract.js in.
    const task = TASK_BUNDLES.extractContentText!();
    const bundling = bundlingWith(task.bundledFiles, task.nodeModules);
    const dir = mkdtempSync(join(tmpdir(), 'karguzar-bundle-'));
    const outfile = join(dir, 'index.mjs');
    const { entryPoints: _entry, ...options } = projectEsbuildOptions('unused', outfile, bundling);
    await build({
      ...options,
      stdin: {
        contents:
          "export { createTextExtractor } from './functions/modules/search/extraction/index.ts';\n" +
          "export { findTessdata } from './functions/modules/search/extraction/ocr.ts';\n",
        resolveDir: projectRoot,
        loader: 'ts',
        sourcefile: 'extraction-entry.ts',
      },
    });
    for (const command of bundling.commandHooks?.afterBundling(projectRoot, dir) ?? []) execSync(command);
    installInto(dir, bundling.nodeModules ?? []);
    writeFileSync(join(dir, 'scan.png'), await scanPng('KALIBRATOR ZAVODU'));
    const run = `
      const m = await import(${JSON.stringify(pathToFileURL(outfile).href)});
      const fs = await import('node:fs');
      const x = m.createTextExtractor();
      const out = await x.extract({ bytes: new Uint8Array(fs.readFileSync(${JSON.stringify(join(dir, 'scan.png'))})), mediaType: 'image/png', fileName: 'scan.png' });
      await x.close();
      process.stdout.write(JSON.stringify({ tessdata: m.findTessdata(), ...out }) + String.fromCharCode(10));`;

    // Act: in a process of its own, from the asset's folder
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', run], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 120_000,
    });

    // Assert
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as {
      tessdata: string;
      text: string;
      method: string;
    };
    expect(result.tessdata.replace(/\/$/u, '')).toBe(join(dir, 'tessdata'));
    expect(result.method).toBe('ocr');
    expect(result.text.toUpperCase()).toContain('KALIBRATOR');
    expect(statSync(join(dir, 'node_modules', 'tesseract.js', 'package.json')).isFile()).toBe(true);
  }, 180_000);
});
