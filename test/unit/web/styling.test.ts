import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One styling approach in web/ (docs/decisions.md): globals.css holds the tokens and the base
 * elements, each feature has plain stylesheets whose classes carry the feature's prefix. No CSS
 * modules, no CSS-in-JS, no inline style objects for layout.
 */
const root = join(import.meta.dirname, '../../../web');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'out' || e.name === '.next') return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path) : [path];
  });
}

describe('web styling', () => {
  const all = files(root).map((f) => relative(root, f));

  it('has no CSS modules', () => {
    expect(all.filter((f) => f.endsWith('.module.css'))).toEqual([]);
  });

  it('imports stylesheets only as side effects (no class maps)', () => {
    const offending = all
      .filter((f) => /\.(tsx?|jsx?)$/.test(f))
      .filter((f) => /import\s+\w+\s+from\s+['"][^'"]+\.css['"]/.test(readFileSync(join(root, f), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('has no inline style objects', () => {
    const offending = all
      .filter((f) => f.endsWith('.tsx'))
      .filter((f) => /style=\{\{/.test(readFileSync(join(root, f), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('keeps stylesheets in app/ (globals) or beside the feature or shared UI that uses them', () => {
    const misplaced = all.filter(
      (f) => f.endsWith('.css') && !/^(app\/globals\.css|features\/|ui\/)/.test(f),
    );
    expect(misplaced).toEqual([]);
  });
});
