/** Time source. In AWS always the system clock; the embedded default may advance it for tests and demos. */
export interface Clock {
  now(): Date;
}
