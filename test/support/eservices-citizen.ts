import { createHash, randomUUID } from 'node:crypto';
import type { Api } from './api';

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
