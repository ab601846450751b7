import { Annotations, ArnFormat, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { pascal, type AslDefinition } from '../asl';
import type { Capability } from '../entries';
import { alarmAtLeast } from './alarm';
import type { NewAppFunction } from './app-functions';
import type { Monitoring } from './monitoring';
import { ProjectFunction, type BundledFile } from './project-function';
import { taskBundles } from '../../../functions/api/task-bundles';

/**
 * Tasks that need longer than a minute: the archive's integrity check re-hashes every archived
 * object and the day's chains of an agency, the transfer package streams a case file's archive
 * copies into one tar (their states' own timeouts are the same 900 s), a substitution moves every
 * pending task of an official (300 s). Every other task Lambda has 60 s. A Task state never gives
 * its Lambda longer than this (test/unit/statemachines-rules.test.ts).
 */
export const TASK_TIMEOUT_SECONDS: Readonly<Record<string, number>> = {
  archiveIntegrityCheck: 900,
  archiveTransferBuild: 900,
  reportExportBuild: 900,
  substitutionShift: 300,
  // OCR stops after 180 s per file; reading up to 64 MB and a PDF's pages come on top.
  extractContentText: 330,
};

/**
 * Tasks that need more than the default 1024 MB or carry more than their bundle: the text of a
 * content file runs Tesseract (WASM, three models: about 400 MB while it reads a page; 2048 MB
 * also gives it more than one vCPU), with tesseract.js installed into the asset (it starts its
 * worker thread from a file of its package) and the aze, rus and eng models copied beside the entry.
 */
export const TASK_BUNDLES: Readonly<
  Record<
    string,
    () => { memorySize?: number; nodeModules?: readonly string[]; bundledFiles?: readonly BundledFile[] }
  >
> = {
  extractContentText: () => {
    const carried = taskBundles.extractContentText!();
    return { memorySize: 2048, nodeModules: carried.nodeModules, bundledFiles: carried.files };
  },
  // The e-visa PDFs and decision letters: the fonts beside the entry.
  applicationIssue: () => ({ bundledFiles: taskBundles.applicationIssue!().files }),
};
/** The timeout of a task Lambda without an entry in TASK_TIMEOUT_SECONDS. */
export const DEFAULT_TASK_TIMEOUT_SECONDS = 60;

export interface WorkflowsProps {
  /** `karguzar-<env>`: machines are named `<prefix>-<asl name>`. */
  readonly prefix: string;
  /** The `statemachines/*.asl.json` definitions (see `readAslFolder`). */
  readonly definitions: readonly AslDefinition[];
  /** Absolute entry file of a task Lambda (see `entries.ts`). */
  readonly taskEntry: (name: string) => string;
  /** What a task's code may do (`entries.ts`); a task missing there gets nothing. */
  readonly taskGrants: (name: string) => readonly Capability[];
  readonly monitoring: Monitoring;
}

/**
 * The definitions of the machines some function's code starts (`machine:<name>` capabilities):
 * a machine nothing starts is not deployed (its ASL file stays for the local runner); an info
 * annotation says so (by design, not a warning).
 */
export function startedDefinitions(
  scope: Construct,
  definitions: readonly AslDefinition[],
  started: ReadonlySet<string>,
): AslDefinition[] {
  return definitions.filter((d) => {
    if (started.has(d.name)) return true;
    Annotations.of(scope).addInfo(`State machine "${d.name}" is not deployed: no function starts it.`);
    return false;
  });
}

/**
 * Long-running work: one STANDARD state machine per ASL file it is given, one task Lambda per
 * `${fn_<name>}` placeholder (shared across machines). Waits are the machines' own Wait states
 * (no EventBridge Scheduler).
 *
 * Resources are defined directly in `scope` (the stack), so their logical ids stay those of the
 * deployed stack (the machines have fixed names: a new logical id would fail the deployment on a
 * name clash).
 */
export class Workflows {
  readonly asyncDlq: Queue;
  /** Deployed machines by ASL name. */
  readonly stateMachines: Record<string, StateMachine> = {};
  /**
   * Machine ARNs built from their names, not from the machines: task Lambdas are referenced by
   * the machines, so referencing the machines back would be a dependency cycle.
   */
  private readonly machineArns: Record<string, string>;
  private readonly stack: Stack;

  constructor(
    private readonly scope: Construct,
    private readonly props: WorkflowsProps,
  ) {
    const stack = (this.stack = Stack.of(scope));
    this.machineArns = Object.fromEntries(
      props.definitions.map((d) => [
        d.name,
        stack.formatArn({
          service: 'states',
          resource: 'stateMachine',
          resourceName: `${props.prefix}-${d.name}`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ]),
    );

    this.asyncDlq = props.monitoring.deadLetterQueue(
      'AsyncDlq',
      'DLQ of asynchronous Lambda invocations',
      'lambda',
    );
  }

  /**
   * STATE_MACHINE_ARNS (every function: `{}` when it starts none, so that a missing machine is a
   * clear "unknown workflow", not a configuration error) with the machines its `machine:<name>`
   * capabilities name, and for those only: starting them, describing and stopping their
   * executions. `machines:signal`: SendTaskSuccess/SendTaskFailure on the deployed machines (a
   * task token does not say whose it is). No EventBridge Scheduler, no iam:PassRole.
   */
  bind(pf: ProjectFunction, grants: readonly Capability[]): void {
    const stack = this.stack;
    const { prefix } = this.props;
    const names = grants
      .filter((c) => c.startsWith('machine:'))
      .map((c) => c.slice('machine:'.length))
      .filter((name) => name in this.machineArns);
    pf.addEnvironment({
      STATE_MACHINE_ARNS: JSON.stringify(Object.fromEntries(names.map((n) => [n, this.machineArns[n]]))),
    });
    const role = pf.role;
    if (names.length > 0) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['states:StartExecution'],
          resources: names.map((n) => this.machineArns[n]!),
        }),
      );
      // An execution already started (idempotent starts), a deadline watch stopped once its
      // resolution is executed: execution ARNs of these machines only.
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['states:DescribeExecution', 'states:StopExecution'],
          resources: names.map((n) =>
            stack.formatArn({
              service: 'states',
              resource: 'execution',
              resourceName: `${prefix}-${n}:*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          ),
        }),
      );
    }
    if (grants.includes('machines:signal') && Object.keys(this.machineArns).length > 0) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
          resources: Object.values(this.machineArns),
        }),
      );
    }

    // How cdk-nag prints the partition: a literal with @aws-cdk/core:enablePartitionLiterals.
    const partition = Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
    for (const n of names) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:${partition}:states:${stack.region}:${stack.account}:execution:${prefix}-${n}:*]`,
        reason: `Executions of this project’s own "${n}" machine (names are per record, known only at run time).`,
      });
    }
  }

  /**
   * The task Lambdas, then every machine whose tasks all exist (a missing task entry skips the
   * machine with a warning). Logging level ALL without execution data (payloads may hold
   * personal data), X-Ray on, an alarm on failed, timed-out or aborted executions.
   */
  addMachines(newFunction: NewAppFunction): void {
    const { definitions, prefix, monitoring } = this.props;
    const taskFns = new Map<string, ProjectFunction>();
    for (const name of [...new Set(definitions.flatMap((d) => d.tasks))]) {
      const entry = this.props.taskEntry(name);
      if (!ProjectFunction.entryExists(entry)) {
        Annotations.of(this.scope).addWarningV2(
          'karguzar:missing-task',
          `Task "${name}" has no entry ${entry}; state machines that use it are not deployed.`,
        );
        continue;
      }
      const pf = newFunction(`Task${pascal(name)}Fn`, {
        entry,
        description: `Kargüzar Step Functions task "${name}"`,
        timeout: Duration.seconds(TASK_TIMEOUT_SECONDS[name] ?? DEFAULT_TASK_TIMEOUT_SECONDS),
        deadLetterQueue: this.asyncDlq,
        grants: this.props.taskGrants(name),
        ...TASK_BUNDLES[name]?.(),
      });
      taskFns.set(name, pf);
    }

    const logs = new LogGroup(this.scope, 'StateMachineLogs', {
      logGroupName: `/aws/vendedlogs/states/${prefix}`,
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const def of definitions) {
      const missing = def.tasks.filter((t) => !taskFns.has(t));
      if (missing.length > 0) {
        Annotations.of(this.scope).addWarningV2(
          'karguzar:missing-task',
          `State machine "${def.name}" is not deployed: no task entry for ${missing.join(', ')}.`,
        );
        continue;
      }
      const id = `${pascal(def.name)}Machine`;
      const machine = new StateMachine(this.scope, id, {
        stateMachineName: `${prefix}-${def.name}`,
        stateMachineType: StateMachineType.STANDARD,
        definitionBody: DefinitionBody.fromString(def.text),
        definitionSubstitutions: Object.fromEntries(
          def.tasks.map((t) => [`fn_${t}`, taskFns.get(t)!.fn.functionArn]),
        ),
        logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
        tracingEnabled: true,
      });
      for (const t of def.tasks) taskFns.get(t)!.fn.grantInvoke(machine);
      this.stateMachines[def.name] = machine;
      Validations.of(machine.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Step Functions log delivery (logs:CreateLogDelivery, PutResourcePolicy, ...) and X-Ray actions do not support resource-level permissions.',
      });
      for (const t of def.tasks) {
        Validations.of(machine.role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${this.stack.getLogicalId(taskFns.get(t)!.fn.node.defaultChild as never)}.Arn>:*]`,
          reason: `Invoke any version/alias of the task Lambda "${t}" used by this machine.`,
        });
      }
      // One alarm over the three ways an execution ends badly (metricFailed counts only
      // ExecutionsFailed): a timed-out or aborted execution is lost work too.
      const period = Duration.minutes(5);
      alarmAtLeast(this.scope, `${id}Failed`, {
        description: `State machine ${def.name}: failed, timed-out or aborted executions`,
        metric: new MathExpression({
          expression: 'FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)',
          usingMetrics: {
            failed: machine.metricFailed({ period }),
            timedOut: machine.metricTimedOut({ period }),
            aborted: machine.metricAborted({ period }),
          },
          label: `${def.name} executions failed, timed out or aborted`,
          period,
        }),
        threshold: 1,
        action: monitoring.action,
      });
    }
  }
}
