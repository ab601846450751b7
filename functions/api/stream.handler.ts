/**
 * The AWS entry of the table-stream consumers (one event source mapping with partial batch
 * responses); the embedded default's stream poller calls this same handler.
 */
import { createStreamHandler } from '../platform/streams/stream-batch';
import { streamConsumers } from './streams';

export const handler = createStreamHandler(streamConsumers);
