import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HumanTaskRegistration, TaskInbox } from '../ports';
import { createModel, type Model } from '../../../platform/adapters/dynamodb/entities';

/** Task tokens in the single table, keyed by tenant and assignment. */
export class DynamoTaskInbox implements TaskInbox {
  private readonly model: Model;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.model = createModel(client, table);
  }

  /** A repeat with the same token is a no-op; a new token (a retried step) replaces the old one. */
  async record(r: HumanTaskRegistration): Promise<void> {
    await this.model.humanTask
      .put({
        tenantId: r.tenantId,
        assignmentId: r.assignmentId,
        assignee: r.assignee,
        taskToken: r.taskToken,
        executionId: r.executionId,
      })
      .go();
  }

  async get(tenantId: string, assignmentId: string): Promise<HumanTaskRegistration | undefined> {
    const res = await this.model.humanTask.get({ tenantId, assignmentId }).go();
    if (!res.data) return undefined;
    const { assignee, taskToken, executionId } = res.data;
    return { tenantId, assignmentId, assignee, taskToken, executionId };
  }
}
