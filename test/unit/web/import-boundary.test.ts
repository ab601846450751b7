import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The control of the lint rule that keeps server code out of the web app (eslint.config.js,
 * `web/**`): a planted import from functions/, infra/ or scripts/ fails, the contract passes.
 */
describe('web/ imports no server code', () => {
  const eslint = new ESLint();
  const lint = async (source: string) => {
    const [result] = await eslint.lintText(source, { filePath: 'web/features/planted/planted.ts' });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
  };

  it.each([
    "import { roles } from '../../../functions/domain/org/roles';",
    "import type { Role } from '../../../functions/modules/org';",
    "import { FETCH_BLOCKED_PORTS } from '../../../infra/local/ports';",
    "import '../../../scripts/openapi';",
  ])('refuses %s', async (source) => {
    expect(await lint(`${source}\nexport {};\n`)).toHaveLength(1);
  });

  it('allows the API contract', async () => {
    expect(await lint("import { roles } from '../../api/contract';\nexport const r = roles;\n")).toEqual([]);
  });
});
