import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every use-case file has unit tests that mirror it: `functions/modules/<m>/usecases/<path>/<name>.usecase.ts`
 * (or `<name>.ts`) is tested by `test/unit/<m>/<path>/<name>.test.ts`, `<name>.<anything>.test.ts`,
 * `<name>-<anything>.test.ts`, or any test in a folder `test/unit/<m>/<path>/<name>/` (a split).
 * So a use case's rules are reachable without the running embedded default.
 */

const root = join(import.meta.dirname, '../../..');

/**
 * Use-case files without a mirroring test, each with the reason. An entry is a pattern on the path
 * below `functions/modules/`, matched loosely so that splitting the file into a folder keeps it
 * listed. An entry that matches no file any more fails the test: the list cannot rot.
 */
const withoutMirror: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  // Pure helpers (schemas, templates, shared rules) belong here only while they are tested through
  // the use cases that use them alone; today every one of them has its own test as well.
  // A module's `usecases/deps.ts` declares, as types only, the ports its use cases take; there is
  // nothing in it to run (the test below keeps it that way).
  { pattern: /^[^/]+\/usecases\/deps\.ts$/, why: 'types only: the dependencies the use cases take' },
];

/** Paths below `base`, with forward slashes, of the files `keep` accepts. */
function filesUnder(base: string, keep: (path: string) => boolean): string[] {
  if (!existsSync(base)) return [];
  return (readdirSync(base, { recursive: true }) as string[])
    .map((p) => p.split(sep).join('/'))
    .filter(keep)
    .sort();
}

/** The use-case files (below `functions/modules/`) that no test mirrors. */
function unmirrored(useCases: readonly string[], tests: readonly string[]): string[] {
  const testSet = new Set(tests);
  return useCases.filter((file) => {
    const match = /^([^/]+)\/usecases\/(?:(.*)\/)?([^/]+?)(?:\.usecase)?\.ts$/.exec(file);
    if (!match) return true;
    const [, module, dir, name] = match;
    const folder = [module, dir].filter(Boolean).join('/');
    const mirrors = (t: string) => {
      if (!t.startsWith(`${folder}/`)) return false;
      const rest = t.slice(folder.length + 1);
      return (
        rest === `${name}.test.ts` ||
        rest === `${name}.usecase.test.ts` ||
        ((rest.startsWith(`${name}.`) || rest.startsWith(`${name}-`)) &&
          rest.endsWith('.test.ts') &&
          !rest.includes('/')) ||
        (rest.startsWith(`${name}/`) && rest.endsWith('.test.ts'))
      );
    };
    return ![...testSet].some(mirrors);
  });
}

const useCases = filesUnder(
  join(root, 'functions/modules'),
  (p) => /^[^/]+\/usecases\/.+\.ts$/.test(p) && !p.endsWith('.d.ts'),
);
const tests = filesUnder(join(root, 'test/unit'), (p) => p.endsWith('.test.ts'));

describe('unit tests mirror the use cases', () => {
  it('finds the use-case files of the modules', () => {
    expect(useCases.length).toBeGreaterThan(20);
    expect(useCases).toContain('documents/usecases/register.usecase.ts');
  });

  it('has a test for every use-case file that is not listed with a reason', () => {
    // Act
    const missing = unmirrored(useCases, tests).filter((f) => !withoutMirror.some((a) => a.pattern.test(f)));

    // Assert
    expect(missing, `write test/unit/<module>/<name>.test.ts for: ${missing.join(', ')}`).toEqual([]);
  });

  it('keeps the deps.ts files it lets go types only: type imports, interfaces and type aliases', () => {
    // Arrange
    const depsFiles = useCases.filter((f) => /^[^/]+\/usecases\/deps\.ts$/.test(f));

    // Act: the top-level statements (comments and indented lines left out) that are not type-only.
    const runtime = depsFiles.flatMap((f) =>
      readFileSync(join(root, 'functions/modules', f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .split('\n')
        .filter((line) => /^\S/.test(line) && !line.startsWith('//') && !/^[}\]);]/.test(line))
        .filter((line) => !/^(import type |export (type|interface) |(type|interface) )/.test(line))
        .map((line) => `${f}: ${line}`),
    );

    // Assert
    expect(depsFiles.length).toBeGreaterThan(0);
    expect(runtime).toEqual([]);
  });

  it('lists only files that exist', () => {
    // Act
    const stale = withoutMirror
      .filter((a) => !useCases.some((f) => a.pattern.test(f)))
      .map((a) => String(a.pattern));

    // Assert
    expect(stale).toEqual([]);
  });

  it('maps a use case to its mirrors, a split folder included, and not to look-alikes', () => {
    // Arrange
    const files = [
      'documents/usecases/register.usecase.ts',
      'documents/usecases/numbering.ts',
      'execution/usecases/common.ts',
      'execution/usecases/deadline.usecase.ts',
      'approval/usecases/route/steps.usecase.ts',
      'org/usecases/actor.usecase.ts',
    ];
    const mirrorsFound = [
      'documents/register.usecase.test.ts',
      'documents/numbering.test.ts',
      'execution/common.tenant-calendar.test.ts',
      'execution/domain/deadline.test.ts',
      'approval/route/steps/order.test.ts',
      'org/actors.test.ts',
    ];

    // Act
    const missing = unmirrored(files, mirrorsFound);

    // Assert: a domain test of the same name and a longer name do not count.
    expect(missing).toEqual(['execution/usecases/deadline.usecase.ts', 'org/usecases/actor.usecase.ts']);
  });
});
