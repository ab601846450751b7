/**
 * Where a human step's task token is kept until the user decides (the assignment in DynamoDB).
 * The decision handler reads the token back and calls WorkflowEngine.taskSucceeded/taskFailed.
 */
export interface HumanTaskRegistration {
  tenantId: string;
  assignmentId: string;
  /** User id of the assignee. */
  assignee: string;
  taskToken: string;
  /** Step Functions execution that waits on the token. */
  executionId: string;
}

export interface TaskInbox {
  /**
   * Stores the token on the assignment. Idempotent: recording the same registration again is a
   * no-op (task Lambdas may run more than once for one step).
   */
  record(registration: HumanTaskRegistration): Promise<void>;
  /** The registration of an assignment, for the decision that completes it. */
  get(tenantId: string, assignmentId: string): Promise<HumanTaskRegistration | undefined>;
}
