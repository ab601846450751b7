/**
 * The AWS entry of the table-stream consumers (one event source mapping with partial batch
 * responses); the embedded default's stream poller calls this same handler.
 */
import { createStreamHandler } from '../platform/streams/stream-batch';
import { alerts, email, objects, search, signingKeys, sms, workflow } from '../wiring/adapters';
import { wire } from '../wiring/container';
import { streamConsumers } from './streams';

wire({ alerts, email, objects, search, signingKeys, sms, workflow });

export const handler = createStreamHandler(streamConsumers);
