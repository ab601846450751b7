/**
 * Child process of the embedded search engine's crash test: writes items (and removes some) with
 * a few writes in flight at once, printing each acknowledged write as a line (`u <ids>` or
 * `r <ids>`), until it is killed. Usage: node --import tsx search-crash-writer.ts <dir>
 */
import { createEmbeddedSearchIndex } from '../../functions/modules/search/embedded';
import { searchDoc } from './search-docs';

const dir = process.argv[2];
if (!dir) throw new Error('usage: search-crash-writer.ts <dir>');
const index = createEmbeddedSearchIndex({ dir, snapshotAfterOps: 150 });
const say = (line: string) => process.stdout.write(`${line}\n`);

async function writer(lane: number): Promise<never> {
  for (let n = 0; ; n++) {
    const ids = Array.from({ length: 5 }, (_, i) => `w${lane}-${n}-${i}`);
    await index.upsert(
      ids.map((id) =>
        searchDoc({ id, summary: `məktub ${id} ərizə`, contentText: `mətn ${'söz '.repeat(50)}` }),
      ),
    );
    say(`u ${ids.join(',')}`);
    if (n % 4 === 3) {
      const gone = ids.slice(0, 2);
      await index.remove(gone.map((id) => ({ tenantId: 't1', id, version: '2' })));
      say(`r ${gone.join(',')}`);
    }
  }
}

say('ready');
void Promise.all([0, 1, 2, 3].map(writer));
