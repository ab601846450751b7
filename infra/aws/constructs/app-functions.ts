import type { Duration } from 'aws-cdk-lib';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { Capability } from '../entries';
import { ProjectFunction, type BundledFile } from './project-function';

/** What an application Lambda (API route group, task, stream consumer) is made of. */
export interface AppFunctionOptions {
  readonly entry: string;
  readonly description: string;
  readonly timeout: Duration;
  /** Dead-letter queue for asynchronous invocations. */
  readonly deadLetterQueue?: IQueue;
  /**
   * What the function's code may do (`entries.ts`, checked against the code): each binder grants
   * only these, and sets only the environment they need.
   */
  readonly grants: readonly Capability[];
  /** Files the code reads at run time, copied into the bundle. */
  readonly bundledFiles?: readonly BundledFile[];
  /** Packages installed into the asset instead of bundled (see ProjectFunctionProps). */
  readonly nodeModules?: readonly string[];
  /** @default 1024 MB */
  readonly memorySize?: number;
}

/** Creates an application Lambda already bound to everything it needs. */
export type NewAppFunction = (id: string, options: AppFunctionOptions) => ProjectFunction;

/**
 * A concern's `bind*` step: sets the function's environment variables and the grants they need,
 * together, for the capabilities in `options.grants` only. Binders run in the order given (it is the order of the statements in each role's
 * policy, so reordering them changes the deployed policies, not what they allow).
 */
export type AppFunctionBinder = (pf: ProjectFunction, options: AppFunctionOptions) => void;

/**
 * The application Lambdas: each gets the environment and grants of its declared capabilities (see
 * the binders), alarms on the alarm topic and is registered by construct id.
 */
export class AppFunctions {
  /** Every application function, by construct id, in creation order. */
  readonly functions: Record<string, ProjectFunction> = {};

  constructor(
    private readonly scope: Construct,
    private readonly props: { readonly alarmTopic: ITopic; readonly binders: readonly AppFunctionBinder[] },
  ) {}

  readonly create: NewAppFunction = (id, options) => {
    const pf = new ProjectFunction(this.scope, id, {
      entry: options.entry,
      description: options.description,
      timeout: options.timeout,
      deadLetterQueue: options.deadLetterQueue,
      alarmTopic: this.props.alarmTopic,
      bundledFiles: options.bundledFiles,
      nodeModules: options.nodeModules,
      memorySize: options.memorySize,
    });
    this.functions[id] = pf;
    for (const bind of this.props.binders) bind(pf, options);
    return pf;
  };
}
