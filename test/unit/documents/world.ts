import type { DocumentInput } from '../../../functions/modules/documents/usecases/register.usecase';
import { actor, employee, journal, referenceItem } from '../../support/builders';
import { seedOrgTree } from '../../support/org-tree';
import { memoryDeps } from '../../support/memory-deps';

/**
 * The agency the documents' use-case tests work in: a clerk, a head, two employees, a journal per
 * kind, a counterpart and a few reference items, all in memory. 2 March 2026, 10:00 Baku.
 */
export const clerk = actor('clerk', ['clerk'], { departmentIds: ['registry'] });
/** The agency head: holds the head position of the root department. */
export const head = actor('head', ['head'], { reach: { agencyHead: true, headOf: ['root'], actingFor: [] } });
export const author = actor('author', ['executor'], { departmentIds: ['finance'] });
export const outsider = actor('outsider', ['executor']);

export function documentsWorld() {
  const deps = memoryDeps();
  for (const id of ['clerk', 'head', 'author', 'outsider', 'signer', 'controller'])
    deps.store.seed('employee', employee(id));
  deps.store.seed('employee', employee('former', { active: false }));
  deps.store.seed(
    'ref:journals',
    journal('incoming', { documentKind: 'incoming', pattern: '{seq}-DX/{yy}' }),
  );
  deps.store.seed(
    'ref:journals',
    journal('outgoing', { documentKind: 'outgoing', pattern: '{seq}-XR/{yy}' }),
  );
  deps.store.seed('ref:journals', journal('internal', { documentKind: 'internal', pattern: 'D-{seq}' }));
  deps.store.seed('ref:journals', journal('order', { documentKind: 'order', pattern: 'ƏMR-{seq:3}' }));
  deps.store.seed(
    'ref:counterparts',
    referenceItem('org-1', {
      list: 'counterparts',
      name: { az: '"Xəzər Logistika" MMC' },
      kind: 'organization',
      voen: '1400057421',
      email: 'office@xezer.az',
      receivesElectronically: true,
      active: true,
    }),
  );
  deps.store.seed(
    'ref:counterparts',
    referenceItem('org-closed', {
      list: 'counterparts',
      name: { az: 'Bağlı' },
      kind: 'organization',
      active: false,
    }),
  );
  deps.store.seed(
    'ref:document-types',
    referenceItem('type-1', { list: 'document-types', name: { az: 'Ərizə' }, active: true }),
  );
  deps.store.seed(
    'ref:delivery-forms',
    referenceItem('by-email', {
      list: 'delivery-forms',
      name: { az: 'E-poçt' },
      code: 'email',
      active: true,
    }),
  );
  deps.store.seed(
    'ref:delivery-forms',
    referenceItem('by-courier', {
      list: 'delivery-forms',
      name: { az: 'Kuryer' },
      code: 'courier',
      active: true,
    }),
  );
  deps.store.seed(
    'ref:delivery-forms',
    referenceItem('by-edms', { list: 'delivery-forms', name: { az: 'EDMS' }, code: 'edms', active: true }),
  );
  return deps;
}

export const incoming = (overrides: Partial<DocumentInput<'incoming'>> = {}): DocumentInput<'incoming'> => ({
  summary: 'Bina təmiri haqqında ərizə',
  controlled: false,
  confidential: false,
  accessList: [],
  sender: { kind: 'citizen', name: 'Aysel Məmmədova', fin: '5ZK7QH2' },
  distribution: [],
  ...overrides,
});

export const outgoing = (overrides: Partial<DocumentInput<'outgoing'>> = {}): DocumentInput<'outgoing'> => ({
  summary: 'Cavab məktubu',
  controlled: false,
  confidential: false,
  accessList: [],
  signatoryId: 'signer',
  recipients: [{ counterpartId: 'org-1' }],
  ...overrides,
});

export const internal = (overrides: Partial<DocumentInput<'internal'>> = {}): DocumentInput<'internal'> => ({
  summary: 'Xidməti qeyd',
  controlled: false,
  confidential: false,
  accessList: [],
  ...overrides,
});

export const order = (overrides: Partial<DocumentInput<'order'>> = {}): DocumentInput<'order'> => ({
  summary: 'Məzuniyyət haqqında əmr',
  controlled: false,
  confidential: false,
  accessList: [],
  category: 'order',
  ...overrides,
});

/** The documents' world on the org tree of the need-to-know tests, with a confidential journal. */
export function needToKnowWorld() {
  const deps = documentsWorld();
  seedOrgTree(deps.store);
  deps.store.seed('ref:journals', journal('secret', { pattern: 'M-{seq}', confidential: true }));
  return deps;
}
