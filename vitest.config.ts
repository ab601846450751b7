import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order, except on a run with no durations of an earlier one (a clean clone: the results
 * cache lives under node_modules): the files that start an embedded default of their own
 * (test/support/own-embedded.ts, the longest by far) go first within their project, so that
 * neither worker is left with one of them at the end while the other has finished.
 */
class OwnEmbeddedFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const timed = (f: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(root, f.moduleId)}`) !== undefined;
    if (sorted.every(timed)) return sorted;
    const weight = (f: TestSpecification) =>
      readFileSync(f.moduleId, 'utf8').includes('ownEmbedded(') ? 0 : 1;
    const projectAt = new Map<string, number>();
    sorted.forEach((f, i) => {
      if (!projectAt.has(f.project.name)) projectAt.set(f.project.name, i);
    });
    return sorted
      .map((f, i) => ({ f, i, key: projectAt.get(f.project.name)!, own: weight(f) }))
      .sort((a, b) => a.key - b.key || a.own - b.own || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
    // On a clean clone (no durations cached), the files with an embedded default of their own first.
    sequence: { sequencer: OwnEmbeddedFirst },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
