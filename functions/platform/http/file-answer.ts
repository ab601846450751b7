/**
 * An answer that is a file, not JSON: the group handler sends its bytes (base64 on the Lambda
 * proxy, which API Gateway and the local gateway turn back into bytes) with a download name.
 */
export class FileAnswer {
  constructor(
    readonly body: Uint8Array,
    readonly contentType: string,
    readonly fileName: string,
    /** Extra headers (e.g. what the file leaves out). */
    readonly headers: Record<string, string> = {},
  ) {}
}

/** `attachment; filename=…` with the RFC 6266/5987 form for names beyond ASCII. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
