import type { AggregateStore } from '../../platform/ports/aggregate-store.port';
import type { Clock } from '../../platform/ports/clock.port';

/** What the e-services module's service definitions and catalogue need: the store and the clock. */
export interface EServiceDeps {
  store: AggregateStore;
  clock: Clock;
}
