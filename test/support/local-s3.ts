import { S3Client } from '@aws-sdk/client-s3';
import { LOCAL_AWS_CREDENTIALS } from '../../infra/local/services/common';

/** An S3 client on the local S3 endpoint of the embedded default whose gateway listens on `port`. */
export function localS3(port: number): S3Client {
  return new S3Client({
    endpoint: `http://127.0.0.1:${port + 2}`,
    region: 'eu-central-1',
    forcePathStyle: true,
    credentials: LOCAL_AWS_CREDENTIALS,
  });
}
