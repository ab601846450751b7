import { createHash, randomUUID } from 'node:crypto';
import type { Api } from './api';
import { eventually } from './eventually';

/** A file value of an application: what an upload gives back, as the form sends it. */
export interface UploadedFile {
  ref: string;
  name: string;
  mediaType: string;
  bytes: number;
}

/**
 * A passport scan (a small, unique PDF) uploaded as a citizen's browser does it: the upload ticket
 * from the public API, then the PUT to its presigned URL.
 */
export async function uploadScan(citizen: Api, agencyPath: string, service: string): Promise<UploadedFile> {
  const bytes = new TextEncoder().encode(`%PDF-1.4\n% passport scan ${randomUUID()}\n%%EOF\n`);
  const ticket = await citizen.post<{
    ref: string;
    upload: { url: string; signedHeaders: Record<string, string> };
  }>(`${agencyPath}/services/${service}/uploads`, {
    field: 'passportScan',
    name: 'passport.pdf',
    mediaType: 'application/pdf',
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('base64'),
  });
  if (ticket.status !== 201)
    throw new Error(`upload ticket: ${ticket.status} ${JSON.stringify(ticket.body)}`);
  const put = await fetch(ticket.body.upload.url, {
    method: 'PUT',
    headers: ticket.body.upload.signedHeaders,
    body: bytes,
  });
  if (put.status !== 200) throw new Error(`scan PUT: ${put.status} ${await put.text()}`);
  return {
    ref: ticket.body.ref,
    name: 'passport.pdf',
    mediaType: 'application/pdf',
    bytes: bytes.byteLength,
  };
}

export interface Mail {
  subject: string;
  to: Array<{ address: string }>;
  text: string;
}

/** The e-mails in the embedded default's maildev sent to `address`. */
export async function mailsTo(maildevUrl: string, address: string): Promise<Mail[]> {
  const all = (await (await fetch(`${maildevUrl}/api/email`)).json()) as Mail[];
  return all.filter((m) => m.to.some((t) => t.address === address));
}

/**
 * The officer approves the pending endorsement on an application's registered document (the demo
 * e-visa route's one step) through the documents' API, once the route has given it to them.
 */
export async function approveEndorsement(officer: Api, documentId: string, comment?: string): Promise<void> {
  type Assignment = { id: string; status: string; actions: string[] };
  const task = await eventually(async () => {
    const res = await officer.get<{ documentVersion: number; assignments?: Assignment[] }>(
      `/api/v1/documents/${documentId}/execution`,
    );
    const pending = res.body.assignments?.find(
      (a) => a.status === 'pending' && a.actions.includes('approve'),
    );
    return pending ? { ...pending, documentVersion: res.body.documentVersion } : undefined;
  }, 'the officer’s endorsement task');
  const approved = await officer.post(`/api/v1/documents/${documentId}/assignments/${task.id}/approve`, {
    version: task.documentVersion,
    ...(comment ? { comment } : {}),
  });
  if (approved.status !== 200)
    throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
}

/** One German visitor of an e-visa application, as the public form sends them. */
export function germanVisitor(v: {
  passportNumber: string;
  arrivalDate: string;
  passportExpiryDate: string;
  scan: UploadedFile;
}) {
  return {
    surname: 'Schneider',
    givenNames: 'Jonas',
    sex: 'male',
    birthDate: '1985-05-06',
    nationality: 'DEU',
    passportNumber: v.passportNumber,
    passportIssueDate: '2021-02-03',
    passportExpiryDate: v.passportExpiryDate,
    purpose: 'tourism',
    arrivalDate: v.arrivalDate,
    addressInAzerbaijan: 'Bakı, Neftçilər pr. 1',
    passportScan: [v.scan],
  };
}
