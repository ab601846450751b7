import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_AWS_CREDENTIALS } from '../../infra/local/services/common';

/**
 * A document client on the table of the embedded default that serves `baseUrl` (its DynamoDB
 * Local listens on the next port), for tests that write as a second process or an older release.
 */
export function tableClientOf(baseUrl: string): DynamoDBDocumentClient {
  const port = Number(new URL(baseUrl).port);
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port + 1}`,
      credentials: { ...LOCAL_AWS_CREDENTIALS },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
}
