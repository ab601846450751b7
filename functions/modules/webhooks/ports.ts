import type { AggregateStore } from '../../platform/ports/aggregate-store.port';
import type { Clock } from '../../platform/ports/clock.port';
import type { WorkflowEngine } from '../../platform/ports/workflow.port';

/** The outcome of one POST: the receiver's status, or the error before one came; how long it took. */
export interface WebhookPostResult {
  status?: number;
  error?: string;
  durationMs: number;
}

/**
 * Sends one webhook request. In AWS (private targets not allowed) it resolves the host, refuses
 * unless every address is public, and connects to the address it checked (no second look-up that
 * DNS rebinding could answer differently); it follows no redirects and gives up after its timeout.
 */
export interface WebhookTransport {
  readonly allowPrivate: boolean;
  post(input: { url: string; headers: Record<string, string>; body: string }): Promise<WebhookPostResult>;
}

/** What the webhooks module needs: the store, the clock, and (fan-out) the workflow engine. */
export interface WebhookDeps {
  store: AggregateStore;
  clock: Clock;
}
export type WebhookFanOutDeps = WebhookDeps & { workflow: WorkflowEngine };
export type WebhookDeliverDeps = WebhookDeps & { transport: WebhookTransport };
/** Subscriptions are checked against the same rule the transport enforces. */
export type WebhookAdminDeps = WebhookDeps & { webhooksAllowPrivate: boolean };
