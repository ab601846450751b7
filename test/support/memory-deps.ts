import { MemoryAggregateStore } from './fakes/aggregate-store';
import { RecordingAdminAlerts } from './fakes/admin-alerts';
import { ManualClock } from './fakes/clock';
import { MemoryDocumentStore } from './fakes/document-store';
import { RecordingEmail } from './fakes/email';
import { MemoryIdentityDirectory } from './fakes/identity-directory';
import { RecordingLog } from './fakes/log';
import { MemoryObjectStore } from './fakes/object-store';
import { RecordingSms } from './fakes/sms';
import { MemorySmsBudget } from './fakes/sms-budget';
import { MemoryWorkflowEngine } from './fakes/workflow';
import { T0 } from './builders';

/**
 * Every port a use case may need, as in-memory fakes, in one deps object: it fits the deps types of
 * the modules' use cases (Deps, DocumentDeps, ExecutionDeps, NotifyDeps, IntegrityDeps). Tests
 * read what was written from the fakes themselves.
 */
export function memoryDeps(at = T0) {
  const clock = new ManualClock(at);
  return {
    store: new MemoryAggregateStore(),
    documents: new MemoryDocumentStore(),
    clock,
    identity: new MemoryIdentityDirectory(),
    // Object Lock is judged by the same clock as the use cases (retention ends when the test says).
    objects: new MemoryObjectStore(() => clock.now()),
    email: new RecordingEmail(),
    sms: new RecordingSms(),
    smsBudget: new MemorySmsBudget(),
    workflow: new MemoryWorkflowEngine(),
    log: new RecordingLog(),
    alerts: new RecordingAdminAlerts(),
    webBaseUrl: 'https://edms.example.az',
  };
}

export type MemoryDeps = ReturnType<typeof memoryDeps>;
