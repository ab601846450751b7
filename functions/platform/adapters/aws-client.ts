/** What every AWS SDK client here is built from: the region, plus the local endpoint and dummy credentials in the embedded default. */
export interface AwsClientOptions {
  region: string;
  /** Set for the local endpoint; omitted on AWS. */
  endpoint?: string;
  /** Explicit credentials (local dummy ones); omitted on AWS (role credentials). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export function clientConfig(options: AwsClientOptions): AwsClientOptions {
  return {
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
}
