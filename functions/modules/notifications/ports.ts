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

/** One SMS send's claim on its agency's monthly budget of parts (Asia/Baku calendar months). */
export interface SmsReservation {
  tenantId: string;
  /** yyyy-MM (Baku). */
  month: string;
  /** The logical send (notice, recipient, channel): a retry of the same send is counted once. */
  key: string;
  parts: number;
  /** The month's budget in parts. */
  limit: number;
  at: string;
}

/** The agency's SMS parts counted per month, in the table (it survives restarts and Lambdas). */
export interface SmsBudget {
  /**
   * Counts the parts of a send against the month atomically, if they fit under the limit.
   * `reserved` also when this key was reserved before (a retried send is not counted twice).
   */
  reserve(r: SmsReservation): Promise<'reserved' | 'over'>;
  /** Marks the month's budget as exceeded; true only for the first mark of the month. */
  markExceeded(tenantId: string, month: string, at: string): Promise<boolean>;
  /** Parts counted in the month, and when its budget was first exceeded. */
  usage(tenantId: string, month: string): Promise<{ used: number; exceededAt?: string }>;
}
