import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order, except on a run with no durations of an earlier one (a clean clone: the results
 * cache lives under node_modules): the files that start an embedded default of their own
 * (test/support/own-embedded.ts, the longest by far) go first within their project — the files
 * that group several files' tests on one (`upBeforeEach`, the longest of them) before the others —
 * so that neither worker is left with one of them at the end while the other has finished.
 */
export class OwnEmbeddedFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const timed = (f: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(root, f.moduleId)}`) !== undefined;
    if (sorted.every(timed)) return sorted;
    const weight = (f: TestSpecification) => {
      const text = readFileSync(f.moduleId, 'utf8');
      return text.includes('upBeforeEach: true') ? 0 : text.includes('ownEmbedded(') ? 1 : 2;
    };
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
