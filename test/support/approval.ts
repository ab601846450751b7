import type { Api } from './api';
import { eventually } from './eventually';

/**
 * Signs a document through a route of one signing stage: `clerk` sets and starts the route,
 * `signer` (whose employee id is `signerId`) signs from their task once the machine has made it.
 * Resolves with the document once its route is completed.
 */
export async function signThroughRoute<
  T extends { id: string; version: number } = { id: string; version: number },
>(clerk: Api, signer: Api, docId: string, signerId: string): Promise<T> {
  const doc = (await clerk.get<T>(`/api/v1/documents/${docId}`)).body;
  const route = await clerk.put<{ documentVersion: number }>(`/api/v1/documents/${docId}/approval-route`, {
    version: doc.version,
    stages: [{ kind: 'signing', mode: 'sequential', participants: [{ employeeId: signerId }] }],
  });
  if (route.status !== 200) throw new Error(`route: ${route.status} ${JSON.stringify(route.body)}`);
  const started = await clerk.post(`/api/v1/documents/${docId}/approval-route/start`, {
    version: route.body.documentVersion,
  });
  if (started.status !== 200) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  type View = {
    documentVersion: number;
    assignments: Array<{ id: string; kind: string; status: string; actions: string[] }>;
  };
  const task = await eventually(async () => {
    const res = await signer.get<View>(`/api/v1/documents/${docId}/execution`);
    const t = res.body.assignments?.find(
      (a) => a.kind === 'signing' && a.status === 'pending' && a.actions.length > 0,
    );
    return t ? { ...t, documentVersion: res.body.documentVersion } : undefined;
  }, `a signing task on ${docId}`);
  const signed = await signer.post(`/api/v1/documents/${docId}/assignments/${task.id}/sign`, {
    version: task.documentVersion,
  });
  if (signed.status !== 200) throw new Error(`sign: ${signed.status} ${JSON.stringify(signed.body)}`);
  return eventually(async () => {
    const res = await clerk.get<{ route: { state: string } | null }>(
      `/api/v1/documents/${docId}/approval-route`,
    );
    if (res.body.route?.state !== 'completed') return undefined;
    return (await clerk.get<T>(`/api/v1/documents/${docId}`)).body;
  }, `the route of ${docId} completed`);
}
