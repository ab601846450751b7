import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import {
  NodejsFunction,
  OutputFormat,
  SourceMapMode,
  type BundlingOptions,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { BuildOptions } from 'esbuild';
import { METRICS_NAMESPACE, SERVICE } from '../../../functions/platform/observability/metric-names';
import { alarmAtLeast } from './alarm';

/**
 * Powertools (logger, metrics) in every function: one service name and metrics namespace. Tracing
 * is Lambda's active tracing without an X-Ray SDK in the bundle (no Powertools tracer: issue 17,
 * docs/decisions.md), so X-Ray holds no responses or error details at all.
 */
export const POWERTOOLS_ENVIRONMENT: Readonly<Record<string, string>> = {
  POWERTOOLS_SERVICE_NAME: SERVICE,
  POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
};

/** Fixed for every Lambda of the project (tests assert these on every function). */
export const PROJECT_RUNTIME = Runtime.NODEJS_22_X;
export const PROJECT_ARCHITECTURE = Architecture.ARM_64;

/**
 * ESM bundles need `require` for the few CommonJS dependencies esbuild cannot convert;
 * this banner is the usual shim for Node ESM output.
 */
const ESM_REQUIRE_SHIM =
  "import { createRequire as __kgCreateRequire } from 'node:module';" +
  'const require = __kgCreateRequire(import.meta.url);';

/**
 * The AWS SDK's default credential chain, replaced in every bundle by the environment provider: a
 * Lambda's role credentials are in its environment, and the rest of the chain (SSO, ini files,
 * process, web identity, instance metadata, with their nested STS/SSO clients) costs about 100 KB
 * of every bundle (issue 17, docs/decisions.md).
 */
export const CREDENTIALS_ALIAS =
  '@aws-sdk/credential-provider-node=' +
  fileURLToPath(new URL('../../../functions/platform/adapters/lambda-credentials.ts', import.meta.url));

/** How every entry is bundled (NodejsFunction runs the local esbuild with these). */
export const PROJECT_BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_SHIM,
  minify: true,
  // Minified, but with the names of classes and functions: an error's name is what Step
  // Functions' Retry and Catch match (`ValidationError`) and what the log line's error type says.
  keepNames: true,
  // The map file ships in the asset (for mapping a logged stack) but is not read at run time.
  sourceMap: true,
  // The AWS SDK v3 is bundled at the versions pinned in package.json instead of
  // relying on whichever SDK the Lambda runtime ships (reproducible behaviour).
  externalModules: [],
  esbuildArgs: { '--alias': CREDENTIALS_ALIAS },
  forceDockerBundling: false,
} satisfies BundlingOptions;

/** esbuild's `sourcemap` for each of NodejsFunction's source-map modes. */
const ESBUILD_SOURCEMAP = {
  [SourceMapMode.DEFAULT]: 'linked',
  [SourceMapMode.EXTERNAL]: 'external',
  [SourceMapMode.INLINE]: 'inline',
  [SourceMapMode.BOTH]: 'both',
} as const;

/**
 * The esbuild options NodejsFunction derives from {@link PROJECT_BUNDLING} (as its
 * `buildEsbuildArgs` does), for the bench and the tests that build an entry the way the stack does.
 */
export function projectEsbuildOptions(
  entry: string,
  outfile: string,
  b: BundlingOptions = PROJECT_BUNDLING,
): BuildOptions & { outfile: string } {
  const mapMode = b.sourceMapMode ?? (b.sourceMap ? SourceMapMode.DEFAULT : undefined);
  // `--alias` as NodejsFunction passes it (`--alias:<package>=<path>`), one or many.
  const aliases = [b.esbuildArgs?.['--alias'] ?? []].flat().filter((a): a is string => typeof a === 'string');
  const alias = Object.fromEntries(
    aliases.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]),
  );
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    outfile,
    ...(b.format ? { format: b.format } : {}),
    ...(b.target ? { target: b.target } : {}),
    ...(b.mainFields ? { mainFields: b.mainFields } : {}),
    ...(b.banner ? { banner: { js: b.banner } } : {}),
    ...(b.footer ? { footer: { js: b.footer } } : {}),
    minify: b.minify ?? false,
    keepNames: b.keepNames ?? false,
    sourcemap: mapMode ? ESBUILD_SOURCEMAP[mapMode] : false,
    sourcesContent: b.sourcesContent ?? true,
    // NodejsFunction leaves the modules it installs into the asset out of the bundle.
    external: [...(b.externalModules ?? []), ...(b.nodeModules ?? [])],
    ...(b.define ? { define: b.define } : {}),
    ...(aliases.length > 0 ? { alias } : {}),
    logLevel: 'silent',
  };
}

export interface ProjectFunctionProps {
  /** Absolute path of the TypeScript entry file; it must export `handler`. */
  readonly entry: string;
  readonly description: string;
  /** Environment variables; KARGUZAR_ENV=aws and the Powertools settings are always added. */
  readonly environment?: Record<string, string>;
  /** @default 1024 MB (arm64: more memory also means more CPU for cold starts) */
  readonly memorySize?: number;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  readonly logRetention?: RetentionDays;
  /** Dead-letter queue for asynchronous invocations (events, scheduler, retries). */
  readonly deadLetterQueue?: IQueue;
  /** Topic that receives the error and throttle alarms of this function. */
  readonly alarmTopic?: ITopic;
  /** Reserved concurrency; unset by default (new accounts start with a low quota). */
  readonly reservedConcurrentExecutions?: number;
  /**
   * Files the code reads at run time (fonts), copied into the bundle: `to` is the path beside
   * the entry (a bundle has no `node_modules` to find them in).
   */
  readonly bundledFiles?: readonly BundledFile[];
  /**
   * Packages installed into the asset's `node_modules` (at the project's pinned versions) instead
   * of bundled: those that load files of their own by path at run time (tesseract.js starts its
   * worker thread from a file of its package).
   */
  readonly nodeModules?: readonly string[];
}

/** A file copied into a Lambda bundle: from an absolute path to a path relative to the entry. */
export interface BundledFile {
  readonly from: string;
  readonly to: string;
}

/** The bundling of a function: the project's, plus copying the files it reads at run time. */
export function bundlingWith(
  files: readonly BundledFile[] = [],
  nodeModules: readonly string[] = [],
): BundlingOptions {
  const base: BundlingOptions =
    nodeModules.length > 0 ? { ...PROJECT_BUNDLING, nodeModules: [...nodeModules] } : PROJECT_BUNDLING;
  if (files.length === 0) return base;
  const quote = (path: string) => `'${path.replaceAll("'", "'\\''")}'`;
  return {
    ...base,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_inputDir: string, outputDir: string) =>
        files.map((f) => {
          const target = `${outputDir}/${f.to}`;
          return `mkdir -p ${quote(dirname(target))} && cp ${quote(f.from)} ${quote(target)}`;
        }),
    },
  };
}

/**
 * The one way this project defines a Lambda: NodejsFunction bundled by the local esbuild
 * (never Docker), ESM output, Node 22 on arm64, JSON logs into an explicit LogGroup with
 * retention, X-Ray active tracing (invocations; no SDK subsegments), a dedicated role without AWS
 * managed policies, and alarms on errors and throttles.
 */
export class ProjectFunction extends Construct {
  /** True when an entry file exists; see {@link ProjectFunction.entryExists}. */
  static entryExists(entry: string): boolean {
    return existsSync(entry);
  }

  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ProjectFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Own role: the AWS managed AWSLambdaBasicExecutionRole grants logs on every log group;
    // this role only gets write access to its own log group (below) and what the stack grants.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Fn', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: PROJECT_RUNTIME,
      architecture: PROJECT_ARCHITECTURE,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      tracing: Tracing.ACTIVE,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      deadLetterQueue: props.deadLetterQueue,
      environment: {
        ...props.environment,
        // No NODE_OPTIONS=--enable-source-maps: it costs every cold start tens of milliseconds
        // (docs/decisions.md, issue 17). The linked map ships beside the bundle: set the variable
        // on one function to read mapped stacks, or map a logged stack offline.
        KARGUZAR_ENV: 'aws',
        ...POWERTOOLS_ENVIRONMENT,
      },
      bundling: bundlingWith(props.bundledFiles, props.nodeModules),
    });

    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the project runtime on purpose: the code is developed and tested on Node 20/22 (DESIGN.md section 9, middy 7 declares Node 22); moving to nodejs24.x is a deliberate upgrade of PROJECT_RUNTIME, not a per-function drift.',
    });
    // X-Ray: PutTraceSegments/PutTelemetryRecords have no resource-level permissions.
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray actions xray:PutTraceSegments and xray:PutTelemetryRecords use "*": X-Ray does not support resource-level permissions for them.',
    });

    if (props.alarmTopic) {
      const action = new SnsAction(props.alarmTopic);
      alarmAtLeast(this, 'Errors', {
        description: `${props.description}: invocation errors`,
        metric: this.fn.metricErrors({ period: Duration.minutes(5) }),
        threshold: 1,
        action: action,
      });
      alarmAtLeast(this, 'Throttles', {
        description: `${props.description}: throttled invocations`,
        metric: this.fn.metricThrottles({ period: Duration.minutes(5) }),
        threshold: 1,
        action: action,
      });
    }
  }

  /**
   * Adds environment variables after creation: a concern's `bind*` helper sets its variables
   * together with the grants they need (one without the other is a broken function).
   */
  addEnvironment(vars: Record<string, string>): void {
    for (const [name, value] of Object.entries(vars)) this.fn.addEnvironment(name, value);
  }
}
