import { isPublicLiteral } from '../../../functions/modules/webhooks/outbound/address';
import type { WebhookPostResult, WebhookTransport } from '../../../functions/modules/webhooks/ports';
import type { WebhookEventType } from '../../../functions/modules/webhooks/domain/events';
import { createSubscription } from '../../../functions/modules/webhooks/usecases/subscriptions.usecase';
import { actor } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

export const admin = actor('admin', ['admin']);

/** A transport that records what it was asked to send and answers as told (unit tests only). */
export class ScriptedTransport implements WebhookTransport {
  readonly allowPrivate = true;
  readonly sent: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
  constructor(private readonly answers: WebhookPostResult[] = []) {}
  async post(input: {
    url: string;
    headers: Record<string, string>;
    body: string;
  }): Promise<WebhookPostResult> {
    this.sent.push(input);
    return this.answers.shift() ?? { status: 200, durationMs: 5 };
  }
}

export function webhookWorld(answers: WebhookPostResult[] = []) {
  const transport = new ScriptedTransport(answers);
  const deps = { ...memoryDeps(), webhooksAllowPrivate: true, transport };
  const subscribe = (events: WebhookEventType[], active = true) =>
    createSubscription(deps, admin, { url: 'http://127.0.0.1:9/hook', events, active }, isPublicLiteral);
  return { deps, transport, subscribe };
}
