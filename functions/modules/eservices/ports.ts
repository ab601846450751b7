import type { AggregateStore } from '../../platform/ports/aggregate-store.port';
import type { Clock } from '../../platform/ports/clock.port';
import type { Log } from '../../platform/ports/log.port';
import type { ObjectStore } from '../../platform/ports/object-store.port';
import type { WorkflowEngine } from '../../platform/ports/workflow.port';

/** What the e-services module's service definitions and catalogue need: the store and the clock. */
export interface EServiceDeps {
  store: AggregateStore;
  clock: Clock;
}

/**
 * What the citizens' public application API needs besides: the attachments bucket (uploads, the
 * receipt), the machine that drives an application, the operators' log and the web app's origin
 * (the status page named on the receipt).
 */
export interface PublicApplicationDeps extends EServiceDeps {
  readonly objects: ObjectStore;
  readonly workflow: WorkflowEngine;
  readonly log: Log;
  readonly webBaseUrl?: string;
  /** Random bytes for numbers, refs and secrets; the platform's CSPRNG unless a test draws its own. */
  readonly randomBytes?: (size: number) => Uint8Array;
}
