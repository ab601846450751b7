import { Annotations, ArnFormat, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { pascal, type AslDefinition } from '../asl';
import { alarmAtLeast } from './alarm';
import type { NewAppFunction } from './app-functions';
import type { Monitoring } from './monitoring';
import { ProjectFunction } from './project-function';

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
  substitutionShift: 300,
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
  readonly monitoring: Monitoring;
}

/**
 * Long-running work: one STANDARD state machine per ASL file, one task Lambda per
 * `${fn_<name>}` placeholder (shared across machines), and EventBridge Scheduler (a schedule
 * group and the role that starts the machines) for deadlines and digests.
 *
 * Resources are defined directly in `scope` (the stack), so their logical ids stay those of the
 * deployed stack (the machines and the schedule group have fixed names: a new logical id
 * would fail the deployment on a name clash).
 */
export class Workflows {
  readonly asyncDlq: Queue;
  readonly scheduleGroup: CfnScheduleGroup;
  readonly schedulerRole: Role;
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
      'DLQ of asynchronous Lambda invocations and scheduler deliveries',
      'lambda',
    );
    this.scheduleGroup = new CfnScheduleGroup(scope, 'ScheduleGroup', { name: `${props.prefix}-timers` });
    this.schedulerRole = new Role(scope, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
      description: 'EventBridge Scheduler: starts Kargüzar state machines, failed deliveries to the DLQ',
    });
    this.asyncDlq.grantSendMessages(this.schedulerRole);
    for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
      Validations.of(this.schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason:
          'Failed schedule deliveries go to the KMS-encrypted async DLQ; the grant is on the data key ARN only.',
      });
    }
  }

  /**
   * STATE_MACHINE_ARNS and the scheduler settings; schedules in the project group only, passing
   * the scheduler role, and starting, signalling and stopping the project's own machines.
   */
  bind(pf: ProjectFunction): void {
    const stack = this.stack;
    const { definitions, prefix } = this.props;
    pf.addEnvironment({
      STATE_MACHINE_ARNS: JSON.stringify(this.machineArns),
      SCHEDULE_GROUP: this.scheduleGroup.ref,
      SCHEDULER_ROLE_ARN: this.schedulerRole.roleArn,
      SCHEDULER_DLQ_ARN: this.asyncDlq.queueArn,
    });
    const role = pf.role;
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [
          'scheduler:CreateSchedule',
          'scheduler:UpdateSchedule',
          'scheduler:DeleteSchedule',
          'scheduler:GetSchedule',
        ],
        resources: [
          stack.formatArn({
            service: 'scheduler',
            resource: 'schedule',
            resourceName: `${this.scheduleGroup.ref}/*`,
          }),
        ],
      }),
    );
    this.schedulerRole.grantPassRole(role);
    if (definitions.length > 0) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure'],
          resources: Object.values(this.machineArns),
        }),
      );
      // Stopping a deadline watch once its resolution is executed (execution ARNs of our machines).
      const executions = definitions.map((d) =>
        stack.formatArn({
          service: 'states',
          resource: 'execution',
          resourceName: `${prefix}-${d.name}:*`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      );
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['states:StopExecution', 'states:DescribeExecution'],
          resources: executions,
        }),
      );
    }

    // How cdk-nag prints the partition: a literal with @aws-cdk/core:enablePartitionLiterals.
    const partition = Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
    const acks: Array<[string, string]> = [
      [
        `Resource::arn:${partition}:scheduler:${stack.region}:${stack.account}:schedule/<${stack.getLogicalId(this.scheduleGroup)}>/*`,
        'Schedules inside the project schedule group only; names are per document deadline.',
      ],
      ...definitions.map((d): [string, string] => [
        `Resource::arn:${partition}:states:${stack.region}:${stack.account}:execution:${prefix}-${d.name}:*`,
        'Executions of this project’s own state machine (names are per resolution, known only at run time).',
      ]),
    ];
    for (const [finding, reason] of acks) {
      Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
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
        sendsNotifications: true,
        search: 'read',
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
      this.schedulerRole.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['states:StartExecution'], resources: [machine.stateMachineArn] }),
      );
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
