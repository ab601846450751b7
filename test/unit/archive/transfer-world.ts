import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { archiveDocument } from '../../../functions/modules/archive';
import { referenceItem } from '../../support/builders';
import { archiveWorld, archivist } from './world';

export const keeper = { ...archivist, tenantId: 't1' };
export const hex = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** The archive world with the letter filed into a permanent case file (`daimi`) and archived. */
export async function permanentWorld() {
  const deps = archiveWorld({ nomenclatureId: 'daimi' });
  deps.store.seed(
    'ref:nomenclature',
    referenceItem('daimi', {
      list: 'nomenclature',
      name: { az: 'Əmrlər (əsas fəaliyyət üzrə)' },
      active: true,
      index: '01-01',
      retentionYears: null,
    }),
  );
  await archiveDocument(deps, 't1', 'letter');
  return deps;
}

/** A tar file's entries: name → bytes. */
export async function untar(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const reader = extract();
  const done = new Promise<void>((resolve, reject) => {
    reader.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c) => chunks.push(c as Buffer));
      stream.on('end', () => {
        out.set(header.name, Buffer.concat(chunks));
        next();
      });
    });
    reader.on('finish', resolve);
    reader.on('error', reject);
  });
  Readable.from([Buffer.from(bytes)]).pipe(reader);
  await done;
  return out;
}
