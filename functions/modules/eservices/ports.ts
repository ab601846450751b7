import type { AggregateStore } from '../../platform/ports/aggregate-store.port';
import type { Clock } from '../../platform/ports/clock.port';
import type { ExecutionDeps } from '../execution';

/** What the e-services module's service definitions and catalogue need: the store and the clock. */
export interface EServiceDeps {
  store: AggregateStore;
  clock: Clock;
}

/**
 * What the agency's side of an application needs (issue 15, review): the documents' store (the
 * application becomes an incoming document), the objects (scans as its files, download links),
 * the workflow engine (the route's machine, the application machine's task token) — execution
 * control's deps, which the approval route's use cases take.
 */
export type ApplicationReviewDeps = ExecutionDeps & EServiceDeps;
