/** Binary content (S3). Keys are always prefixed by the tenant id by the caller. */
export interface PresignedUpload {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: string;
}

export interface ObjectStore {
  presignUpload(input: {
    bucket: 'attachments' | 'archive';
    key: string;
    contentType: string;
    contentLength: number;
    sha256Base64: string;
    expiresInSeconds: number;
  }): Promise<PresignedUpload>;
  presignDownload(input: {
    bucket: 'attachments' | 'archive';
    key: string;
    fileName: string;
    inline: boolean;
    expiresInSeconds: number;
  }): Promise<string>;
  head(input: {
    bucket: 'attachments' | 'archive';
    key: string;
  }): Promise<{ size: number; contentType: string; sha256Base64?: string } | undefined>;
  get(input: { bucket: 'attachments' | 'archive'; key: string }): Promise<Uint8Array | undefined>;
  /** Write-once put; for the archive bucket a retain-until date locks the object (WORM). */
  put(input: {
    bucket: 'attachments' | 'archive';
    key: string;
    body: Uint8Array;
    contentType: string;
    retainUntil?: Date;
  }): Promise<void>;
}
