import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  StartExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { eventually } from './eventually';

/**
 * The embedded default's Step Functions (its port + 4), read by the tests as the signal that
 * something has (or has not yet) happened, instead of waiting a fixed time: an execution parked at
 * a Wait state until a known instant cannot have acted before it, and a marker execution that fired
 * on a clock move shows that the move has been acted on.
 */
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export function sfnOf(baseUrl: string): SFNClient {
  const port = Number(new URL(baseUrl).port);
  return new SFNClient({ endpoint: `http://127.0.0.1:${port + 4}`, region: 'eu-central-1', credentials });
}

export const machineArn = (machine: string) =>
  `arn:aws:states:us-east-1:000000000000:stateMachine:karguzar-${machine}`;

/** The ARN of the execution the app starts under `name` (its names are deterministic). */
export const executionArn = (machine: string, name: string) =>
  `${machineArn(machine).replace(':stateMachine:', ':execution:')}:${name}`;

export async function executionStatus(baseUrl: string, arn: string): Promise<string | undefined> {
  const sfn = sfnOf(baseUrl);
  try {
    return (await sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).status;
  } finally {
    sfn.destroy();
  }
}

export async function executionHistory(baseUrl: string, arn: string): Promise<HistoryEvent[]> {
  const sfn = sfnOf(baseUrl);
  try {
    return (
      (await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 1000 }))).events ?? []
    );
  } finally {
    sfn.destroy();
  }
}

/**
 * Waits until the execution rests in a Wait state (the last event of its history is a
 * `WaitStateEntered` of that state and it still runs) and gives that state's input.
 */
export async function parkedAt<T>(baseUrl: string, arn: string, state: string): Promise<T> {
  return eventually(async () => {
    if ((await executionStatus(baseUrl, arn)) !== 'RUNNING') return undefined;
    const last = (await executionHistory(baseUrl, arn)).at(-1);
    const entered = last?.type === 'WaitStateEntered' ? last.stateEnteredEventDetails : undefined;
    return entered?.name === state ? (JSON.parse(entered.input ?? 'null') as T) : undefined;
  }, `${arn} waiting in ${state}`);
}

/**
 * For the app's planning machines (deadline watch, daily digest), whose Wait reads `$.plan.next.at`:
 * waits until the execution rests in `state` and gives that planned instant as an ISO string (UTC).
 */
export async function plannedAt(baseUrl: string, arn: string, state: string): Promise<string> {
  const input = await parkedAt<{ plan: { next: { at: string } } }>(baseUrl, arn, state);
  return new Date(input.plan.next.at).toISOString();
}

/** Waits until the execution has ended, and gives how (SUCCEEDED, ABORTED, ...). */
export async function ended(baseUrl: string, arn: string): Promise<string> {
  return eventually(async () => {
    const status = await executionStatus(baseUrl, arn);
    return status && status !== 'RUNNING' ? status : undefined;
  }, `${arn} to end`);
}

/**
 * A marker: an e-mail through `scheduled-notification` due at `at` (clock time). Once it has
 * succeeded, the runner has acted on every Wait due at or before `at` (one pass fires all of them);
 * whatever has not fired by then was not due.
 */
export async function startMarker(baseUrl: string, at: string): Promise<string> {
  const sfn = sfnOf(baseUrl);
  try {
    const tag = Math.random().toString(36).slice(2, 10);
    const out = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: machineArn('scheduled-notification'),
        name: `marker-${tag}`,
        input: JSON.stringify({
          notifyAt: new Date(at).toISOString(),
          notification: {
            channel: 'email',
            to: ['marker@demo1.example.az'],
            subject: `Marker ${tag}`,
            text: 'A test marker: the clock move before it has been acted on.',
          },
        }),
      }),
    );
    return out.executionArn!;
  } finally {
    sfn.destroy();
  }
}

/** Waits until the marker `startMarker` gave has sent its e-mail. */
export async function markerFired(baseUrl: string, marker: string): Promise<void> {
  const how = await ended(baseUrl, marker);
  if (how !== 'SUCCEEDED') throw new Error(`the marker ${marker} ended ${how}`);
}
