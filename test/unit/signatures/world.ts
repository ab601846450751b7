import type { Actor } from '../../../functions/platform/kernel/aggregate';
import type { DocumentRecord, DocumentSignature, SigningRight } from '../../../functions/modules/documents';
import { signSingleFile } from '../../../functions/modules/signatures';
import { actor, documentRecord, employee, position, tenant } from '../../support/builders';
import { MemorySigningKeys } from '../../support/fakes/signing-keys';
import { documentsWorld, head } from '../documents/world';

/**
 * The agency the signature use cases are tested in: the documents' world with positions that carry
 * rights — `head` (the memo's signatory) and `signer` hold head positions (sign and endorse),
 * `author` and `deputy` other positions (endorse); `deputy` stands in for `head` today — and run-time
 * signing keys in memory. The internal memo `memo` is `head`'s to sign. 2 March 2026 (ManualClock).
 */
export const AGENCY = 'Əmlak Məsələləri Dövlət Xidməti';
export { head };
export const signer = actor('signer', ['executor']);
export const author = actor('author', ['executor'], { departmentIds: ['finance'] });
/** Substitutes `head` today. */
export const deputy = actor('deputy', ['executor'], {
  reach: { agencyHead: false, headOf: [], actingFor: ['head'] },
});

export function signaturesWorld(doc: Partial<DocumentRecord> = {}) {
  const deps = { ...documentsWorld(), signingKeys: new MemorySigningKeys() };
  deps.store.seed('tenant', tenant({ id: 't1', name: { az: AGENCY }, voen: '1234567891' }));
  const positions = [
    position('p-head', { title: { az: 'Baş direktor' }, roles: ['head'] }),
    position('p-signer', { title: { az: 'Şöbə müdiri' }, roles: ['head'] }),
    position('p-author', { title: { az: 'Baş mütəxəssis' }, roles: ['executor'] }),
    position('p-deputy', { title: { az: 'Direktor müavini' }, roles: ['executor'] }),
  ];
  for (const p of positions) deps.store.seed('position', p);
  const people: Array<[string, string, string]> = [
    ['head', 'Rəşad Əliyev', 'p-head'],
    ['signer', 'Leyla Hüseynova', 'p-signer'],
    ['author', 'Orxan Quliyev', 'p-author'],
    ['deputy', 'Nigar Məmmədova', 'p-deputy'],
  ];
  for (const [id, fullName, positionId] of people)
    deps.store.seed('employee', employee(id, { fullName, positionIds: [positionId] }));
  deps.documents.seed({
    documents: [
      documentRecord('memo', {
        participants: ['author', 'head', 'signer', 'deputy'],
        summary: 'Şəhərdə içməli su xəttinin çəkilişi',
        internal: { signatoryId: 'head' },
        ...doc,
      }),
    ],
  });
  return deps;
}

export type SignaturesWorld = ReturnType<typeof signaturesWorld>;

export const memo = async (deps: SignaturesWorld): Promise<DocumentRecord> =>
  (await deps.documents.get('t1', 'memo'))!;

/** What the decision's transaction does with a signature: the document records it, one version on. */
export async function commit(deps: SignaturesWorld, entry: DocumentSignature): Promise<DocumentRecord> {
  const doc = await memo(deps);
  const next = { ...doc, version: doc.version + 1, signatures: [...(doc.signatures ?? []), entry] };
  deps.documents.seed({ documents: [next] });
  return next;
}

/** Signs the memo as it stands now and commits the signature. */
export async function signAndCommit(
  deps: SignaturesWorld,
  who: Actor,
  right: SigningRight,
  onBehalfOf?: string,
): Promise<DocumentSignature> {
  const entry = await signSingleFile(deps, who, await memo(deps), {
    right,
    at: deps.clock.now().toISOString(),
    ...(onBehalfOf ? { onBehalfOf } : {}),
  });
  await commit(deps, entry);
  return entry;
}

/** The bytes of a revision of the single file, as stored. */
export async function revision(deps: SignaturesWorld, entry: Pick<DocumentSignature, 'key' | 'versionId'>) {
  return (await deps.objects.get({
    bucket: 'attachments',
    key: entry.key,
    ...(entry.versionId ? { versionId: entry.versionId } : {}),
  }))!;
}
