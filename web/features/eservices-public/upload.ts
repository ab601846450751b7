/**
 * A file of a file field, uploaded before the application is sent: the API gives a presigned PUT
 * for the declared name, type, size and SHA-256 (`POST …/services/{code}/uploads`), the browser
 * sends the bytes straight to storage with XMLHttpRequest (fetch reports no upload progress), and
 * the field keeps `{ref, name, mediaType, bytes}` for the application.
 */
import { publicApi } from '../../lib/api';
import type { UploadTicket, UploadedFile } from './types';

/** Base64 of the SHA-256 of the file's bytes (what the storage checks the upload against). */
export async function sha256Base64(file: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The media type the API is told: the browser's, or by the name for the common scans. */
export function mediaTypeOf(file: File): string {
  if (file.type) return file.type;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' }[ext ?? ''] ?? '';
}

// The browser sets these itself (from the body); setting them by hand is refused.
const FORBIDDEN_HEADERS = new Set(['content-length', 'host', 'connection']);

/** PUT of the bytes to the presigned address with exactly its signed headers; `onProgress` gets 0..1. */
function put(
  ticket: UploadTicket,
  file: File,
  mediaType: string,
  onProgress: (share: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.upload.method || 'PUT', ticket.upload.url);
    const headers = ticket.upload.signedHeaders ?? {};
    for (const [name, value] of Object.entries(headers)) {
      if (!FORBIDDEN_HEADERS.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      xhr.setRequestHeader('Content-Type', mediaType);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`upload: HTTP ${xhr.status}`));
    xhr.onerror = () => reject(new Error('upload: network'));
    xhr.onabort = () => reject(new Error('upload: aborted'));
    xhr.send(file);
  });
}

/** Uploads one file for a field of a service; resolves to the field's value for it. */
export async function uploadFile(
  agency: string,
  serviceCode: string,
  field: string,
  file: File,
  onProgress: (share: number) => void,
): Promise<UploadedFile> {
  const mediaType = mediaTypeOf(file);
  const ticket = await publicApi<UploadTicket>(
    `/agencies/${encodeURIComponent(agency)}/services/${encodeURIComponent(serviceCode)}/uploads`,
    {
      method: 'POST',
      body: { field, name: file.name, mediaType, bytes: file.size, sha256: await sha256Base64(file) },
    },
  );
  await put(ticket, file, mediaType, onProgress);
  onProgress(1);
  return { ref: ticket.ref, name: file.name, mediaType, bytes: file.size };
}
