import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StateMachine } from 'aws-local-stepfunctions';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';

/** The repository root: default home of `statemachines/` and `functions/api/tasks/`. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const REGION = 'us-east-1';
export const ACCOUNT = '000000000000';
export const NAME_PREFIX = 'karguzar-';

/** The service-integration resources the runner understands (plus direct function ARNs). */
export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
export const LAMBDA_INVOKE_WAIT = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
/** Resource of the Task a top-level Wait is rewritten into (never sent anywhere). */
const LOCAL_WAIT_RESOURCE = 'arn:aws:states:::karguzar:wait';

/** Placeholder used for `$$.Task.Token`; the runner swaps in the real token before invoking. */
export const TASK_TOKEN_PLACEHOLDER = '__karguzar_task_token__';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type StateDef = Record<string, Json> & { Type: string };

export interface LoadedMachine {
  name: string;
  arn: string;
  /** Definition after `${...}` substitution, as CDK would deploy it. */
  definition: StateMachineDefinition;
  definitionText: string;
  topStates: Map<string, StateDef>;
  createdAt: Date;
}

export const machineArn = (name: string) =>
  `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${NAME_PREFIX}${name}`;
export const executionArn = (machine: string, name: string) =>
  `arn:aws:states:${REGION}:${ACCOUNT}:execution:${NAME_PREFIX}${machine}:${name}`;
export const functionArn = (fn: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${NAME_PREFIX}${fn}`;

/** `arn:aws:lambda:...:function:karguzar-x[:qualifier]` or `karguzar-x` or `x` → `x`. */
export function functionNameOf(ref: string): string {
  const m = /^arn:aws:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/.exec(ref);
  const name = m?.[1] ?? ref;
  return name.startsWith(NAME_PREFIX) ? name.slice(NAME_PREFIX.length) : name;
}

/**
 * Definition substitutions, the same mechanism CDK's `definitionSubstitutions` uses:
 * `${fn_<name>}` → the task Lambda's ARN. Any other `${...}` is an error.
 */
export function substitute(text: string, file: string): string {
  return text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, key: string) => {
    if (key.startsWith('fn_') && key.length > 3) return functionArn(key.slice(3));
    throw new Error(`${file}: unknown definition substitution \${${key}}`);
  });
}

const validated = new Set<string>();

export function loadMachines(dir: string): Map<string, LoadedMachine> {
  const machines = new Map<string, LoadedMachine>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.asl.json'))
    .sort()) {
    const name = file.slice(0, -'.asl.json'.length);
    const definitionText = substitute(readFileSync(join(dir, file), 'utf8'), file);
    const definition = JSON.parse(definitionText) as StateMachineDefinition;
    // Full ASL validation (asl-validator, with ARN and path checks), as the library does it. It
    // compiles its JSON schema on every call (~0.5 s), so a process validates each text once.
    if (!validated.has(definitionText)) {
      new StateMachine(definition);
      validated.add(definitionText);
    }
    checkRunnerRules(definition, file);
    machines.set(name, {
      name,
      arn: machineArn(name),
      definition,
      definitionText,
      topStates: new Map(Object.entries(definition.States as unknown as Record<string, StateDef>)),
      createdAt: new Date(),
    });
  }
  return machines;
}

interface Walked {
  name: string;
  state: StateDef;
  topLevel: boolean;
}

function walk(states: Record<string, StateDef>, topLevel: boolean, out: Walked[] = []): Walked[] {
  for (const [name, state] of Object.entries(states)) {
    out.push({ name, state, topLevel });
    const nested: { States: Record<string, StateDef> }[] = [];
    if (state.Type === 'Parallel')
      nested.push(...(state.Branches as unknown as { States: Record<string, StateDef> }[]));
    if (state.Type === 'Map') {
      const proc = (state.ItemProcessor ?? state.Iterator) as unknown as
        { States: Record<string, StateDef> } | undefined;
      if (proc) nested.push(proc);
    }
    for (const sub of nested) walk(sub.States, false, out);
  }
  return out;
}

export function allStates(definition: StateMachineDefinition): Walked[] {
  return walk(definition.States as unknown as Record<string, StateDef>, true);
}

/**
 * What the durable runner needs beyond plain ASL (see README): unique state names across the
 * whole machine (the library's overrides are keyed by name), `.waitForTaskToken` only at the top
 * level, every Task with TimeoutSeconds or TimeoutSecondsPath, no JSONata.
 */
export function checkRunnerRules(definition: StateMachineDefinition, file: string): void {
  const seen = new Set<string>();
  const problems: string[] = [];
  if ((definition as unknown as Record<string, unknown>).QueryLanguage === 'JSONata')
    problems.push('JSONata is not supported');
  for (const { name, state, topLevel } of allStates(definition)) {
    if (seen.has(name)) problems.push(`state name "${name}" is used twice`);
    seen.add(name);
    if (state.QueryLanguage === 'JSONata' || 'Assign' in state)
      problems.push(`${name}: JSONata/Assign is not supported`);
    if (state.Type !== 'Task') continue;
    if (state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) {
      problems.push(`${name}: every Task needs TimeoutSeconds or TimeoutSecondsPath`);
    }
    if (String(state.Resource).endsWith('.waitForTaskToken')) {
      if (!topLevel) problems.push(`${name}: .waitForTaskToken is only supported at the top level`);
      if (state.Resource !== LAMBDA_INVOKE_WAIT)
        problems.push(`${name}: only ${LAMBDA_INVOKE_WAIT} is supported`);
    } else if (state.Resource !== LAMBDA_INVOKE && !String(state.Resource).startsWith('arn:aws:lambda:')) {
      problems.push(`${name}: unsupported resource ${String(state.Resource)}`);
    }
  }
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
}

/** Maximum the library may hold a timer for one top-level step (Lambda invocation); waits never use it. */
export const INVOCATION_TIMEOUT_SECONDS = 900;

/**
 * The definition one library run executes: starts at `startAt`; the top-level Waits become Tasks
 * that the runner overrides (so time comes from the runner's clock and long waits park the
 * execution instead of holding a timer); `.waitForTaskToken` timeouts are enforced by the runner
 * (durably), so the library only bounds the invocation; the execution timeout is enforced by the
 * runner too; `$$.Execution.*` reads the runner's record (the library would overwrite Input and
 * StartTime with those of the resumed run).
 */
export function runDefinition(machine: LoadedMachine, startAt: string): StateMachineDefinition {
  const def = JSON.parse(
    machine.definitionText.replaceAll('$$.Execution.', () => '$$.Karguzar.Execution.'),
  ) as Record<string, Json>;
  def.StartAt = startAt;
  delete def.TimeoutSeconds;
  const states = def.States as Record<string, StateDef>;
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Wait') {
      const task: StateDef = {
        Type: 'Task',
        Resource: LOCAL_WAIT_RESOURCE,
        TimeoutSeconds: INVOCATION_TIMEOUT_SECONDS,
      };
      for (const key of ['InputPath', 'OutputPath', 'Next', 'End', 'Comment'] as const) {
        if (key in state) task[key] = state[key] as Json;
      }
      states[name] = task;
    } else if (state.Type === 'Task' && state.Resource === LAMBDA_INVOKE_WAIT) {
      delete state.TimeoutSecondsPath;
      delete state.HeartbeatSeconds;
      delete state.HeartbeatSecondsPath;
      state.TimeoutSeconds = INVOCATION_TIMEOUT_SECONDS;
    }
  }
  return def as unknown as StateMachineDefinition;
}
