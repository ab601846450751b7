import { Annotations, CfnOutput, Duration, NestedStack, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiMapping,
  CorsHttpMethod,
  DomainName,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import {
  PUBLIC_CORS_EXPOSED_HEADERS,
  PUBLIC_CORS_MAX_AGE_SECONDS,
  PUBLIC_CORS_REQUEST_HEADERS,
} from '../../../functions/platform/http/cors';
import type { RouteDef } from '../../../functions/platform/http/route';
import { pascal } from '../asl';
import type { Capability } from '../entries';
import { alarmAtLeast } from './alarm';
import { acknowledgeDataKeyGrants } from './data';
import type { NewAppFunction } from './app-functions';
import { ProjectFunction, type BundledFile } from './project-function';

/** The part of the shared route table that the infrastructure needs. */
export type InfraRoute = Pick<RouteDef, 'method' | 'path' | 'group' | 'auth'>;

export interface ApiProps {
  /** `karguzar-<env>`: prefix of physical names. */
  readonly prefix: string;
  /** Default route throttling of the stage. @default 200 rps, burst 400 */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
  readonly alarmAction: IAlarmAction;
  /**
   * The API's custom domain (a regional ACM certificate of the API's region). With it the default
   * execute-api endpoint is disabled and CloudFront uses this name as its origin; the domain's DNS
   * record points at the `ApiDomainTarget` output.
   */
  readonly apiDomain?: { readonly name: string; readonly certificateArn: string };
  /** Requests per minute of one agency, across all route groups. @default 6000 */
  readonly tenantRatePerMinute?: number;
  /** Agencies' own limits (tenant id → requests per minute). */
  readonly tenantRateLimits?: Readonly<Record<string, number>>;
}

export interface RouteGroupsProps {
  /** The shared route table (`functions/api/routes.ts`). */
  readonly routes: readonly InfraRoute[];
  /** Absolute entry file of a route group's Lambda (see `entries.ts`). */
  readonly entry: (group: string) => string;
  readonly newFunction: NewAppFunction;
  /** Authorizer of `auth: 'jwt'` and `auth: 'operator'` routes. */
  readonly authorizer: IHttpRouteAuthorizer;
  /** What a route group's code may do (`entries.ts`); a group missing there gets nothing. */
  readonly grants: (group: string) => readonly Capability[];
  /** What every route group's function gets besides its capabilities (the HTTP layer's needs). */
  readonly eachGroup?: (group: string, pf: ProjectFunction) => void;
  /** Files a route group's code reads at run time, copied into its bundle (`routeGroupFiles`). */
  readonly groupFiles?: GroupFiles;
}

/** Per route group, the files its bundle carries (see `functions/api/routes.ts`). */
export type GroupFiles = Readonly<Record<string, () => readonly BundledFile[]>>;

/**
 * The HTTP API: `$default` stage with throttling and JSON access logs, 5xx/4xx alarms, and
 * (in a second step, once the authorizer exists) one route per entry of the shared route table,
 * served by one Lambda per route group.
 *
 * Resources are defined directly in `scope` (the stack) so that their logical ids, and the
 * names CDK derives from construct paths, stay those of the deployed stack. The routes, their
 * integrations and invoke permissions are the exception: they live in a nested stack (`ApiRoutes`,
 * see `routesStack`), because one route per operation outgrows CloudFormation's 500 resources a
 * stack. They are stateless, so their place can change.
 */
export class Api {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** CloudFront's origin when the API has a custom domain. */
  readonly domainName: string | undefined;
  /** The nested stack of the routes, their integrations and invoke permissions (`addRouteGroups`). */
  routesStack: NestedStack | undefined;

  constructor(
    private readonly scope: Construct,
    private readonly props: ApiProps,
  ) {
    const accessLogs = new LogGroup(scope, 'ApiAccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.httpApi = new HttpApi(scope, 'Api', {
      apiName: `${props.prefix}-api`,
      description: 'Kargüzar HTTP API (routes from functions/api/routes.ts)',
      createDefaultStage: false,
      // CORS for agency portals calling the public API (`/api/public/…`) from their own origins:
      // any origin, never credentials. API Gateway answers every preflight itself and sets these
      // headers on CORS answers (a route per preflight would cost stack resources). The preflight
      // allows neither Authorization nor PUT/PATCH/DELETE, so the logged-in API stays unusable
      // from other origins' pages; its same-origin web app needs no CORS (platform/http/cors.ts).
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        allowHeaders: [...PUBLIC_CORS_REQUEST_HEADERS],
        exposeHeaders: [...PUBLIC_CORS_EXPOSED_HEADERS],
        maxAge: Duration.seconds(PUBLIC_CORS_MAX_AGE_SECONDS),
      },
      // Behind a custom domain the default endpoint goes: only CloudFront's origin is left.
      disableExecuteApiEndpoint: props.apiDomain ? true : undefined,
    });
    this.stage = new HttpStage(scope, 'ApiStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    alarmAtLeast(scope, 'Api5xx', {
      description: 'HTTP API: 5xx responses',
      metric: this.stage.metricServerError({ period: Duration.minutes(5) }),
      threshold: 5,
      action: props.alarmAction,
    });
    alarmAtLeast(scope, 'Api4xxSpike', {
      description: 'HTTP API: 4xx spike (includes 429 from stage throttling)',
      metric: this.stage.metricClientError({ period: Duration.minutes(5) }),
      threshold: 500,
      action: props.alarmAction,
    });
    // No output of the execute-api endpoint: clients go through CloudFront (WebUrl) and its WAF.
    if (props.apiDomain) {
      const domain = new DomainName(scope, 'ApiDomain', {
        domainName: props.apiDomain.name,
        certificate: Certificate.fromCertificateArn(scope, 'ApiCertificate', props.apiDomain.certificateArn),
      });
      new ApiMapping(scope, 'ApiDomainMapping', { api: this.httpApi, domainName: domain, stage: this.stage });
      new CfnOutput(scope, 'ApiDomainTarget', {
        description: `DNS target (CNAME or alias) of ${props.apiDomain.name}`,
        value: domain.regionalDomainName,
      });
      this.domainName = props.apiDomain.name;
    }
  }

  /**
   * The agencies' shared request quota (TENANT_RATE_PER_MINUTE, TENANT_RATE_LIMITS): its counter
   * is one conditional UpdateItem per authenticated request, on the requesting agency's own
   * partition, so every route group may update items of tenant partitions (never the global
   * registry's), whatever else its capabilities say.
   */
  bindTenantQuota(pf: ProjectFunction, table: ITable): void {
    pf.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['$karguzar#tenantId_*'] } },
      }),
    );
    // Writing an item of the table encrypts it with the table's customer-managed key.
    table.encryptionKey?.grantEncryptDecrypt(pf.role);
    acknowledgeDataKeyGrants(pf.role);
    pf.addEnvironment({
      TENANT_RATE_PER_MINUTE: String(this.props.tenantRatePerMinute ?? 6000),
      ...(this.props.tenantRateLimits && Object.keys(this.props.tenantRateLimits).length > 0
        ? { TENANT_RATE_LIMITS: JSON.stringify(this.props.tenantRateLimits) }
        : {}),
    });
  }

  /**
   * One Lambda per route group that has routes and an entry (a group without entry is skipped
   * with a warning), then every route of those groups.
   */
  addRouteGroups(props: RouteGroupsProps): void {
    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const group of [...new Set(props.routes.map((r) => r.group))]) {
      const entry = props.entry(group);
      if (!ProjectFunction.entryExists(entry)) {
        Annotations.of(this.scope).addWarningV2(
          'karguzar:missing-handler',
          `Route group "${group}" has no entry ${entry}; its routes are not deployed.`,
        );
        continue;
      }
      const pf = props.newFunction(`Api${pascal(group)}Fn`, {
        entry,
        description: `Kargüzar API route group "${group}"`,
        timeout: Duration.seconds(29),
        grants: props.grants(group),
        bundledFiles: props.groupFiles?.[group]?.(),
      });
      props.eachGroup?.(group, pf);
      integrations.set(
        group,
        // One invoke permission per function (scoped to this API) instead of one per route:
        // a big route table would otherwise outgrow the 20 KB Lambda resource policy.
        new HttpLambdaIntegration(`${pascal(group)}Integration`, pf.fn, { scopePermissionToRoute: false }),
      );
    }

    const routesStack = (this.routesStack = new NestedStack(this.scope, 'ApiRoutes', {
      description: 'Kargüzar HTTP API routes (functions/api/routes.ts)',
    }));
    for (const route of props.routes) {
      const integration = integrations.get(route.group);
      if (!integration) continue;
      // Operators' tokens come from the same user pool and client as users': one authorizer.
      const bearer = route.auth === 'jwt' || route.auth === 'operator';
      const created = new HttpRoute(routesStack, `${route.method}${route.path}`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
        authorizer: bearer ? props.authorizer : new HttpNoneAuthorizer(),
      });
      if (!bearer) {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            route.auth === 'invitation'
              ? `Authorized by the invitation secret in its header, checked by the handler (${route.method} ${route.path}), behind WAF and stage throttling.`
              : `Public by design in the shared route table (${route.method} ${route.path}): anonymous e-service or health endpoint, behind WAF and stage throttling.`,
        });
      }
    }
  }
}
