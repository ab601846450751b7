import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/api/routes';
import { pascal } from '../../infra/aws/asl';
import { Api } from '../../infra/aws/constructs/api';
import type { AppFunctionOptions } from '../../infra/aws/constructs/app-functions';
import { Identity } from '../../infra/aws/constructs/identity';
import type { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { entries, preTokenEntry } from '../../infra/aws/entries';
import { bareStack, logicalId, plainFunctions } from './bare-stack';
import { projectRoot } from './synth';

let api: Api;
let identity: Identity;
let template: Template;
/** The nested stack of the routes, their integrations and invoke permissions. */
let routesTemplate: Template;
const created: Array<{ id: string; options: AppFunctionOptions; pf: ProjectFunction }> = [];
const asked: string[] = [];
beforeAll(() => {
  const stack = bareStack();
  const alarmTopic = new Topic(stack, 'Alarms');
  api = new Api(stack, { prefix: 'karguzar-test', alarmAction: new SnsAction(alarmTopic) });
  identity = new Identity(stack, {
    prefix: 'karguzar-test',
    authDomainPrefix: 'karguzar-test-auth',
    webOrigins: ['https://web.example.az'],
    preTokenEntry,
    alarmTopic,
  });
  const plain = plainFunctions(stack);
  api.addRouteGroups({
    routes,
    entry: (group) => join(projectRoot, entries.routeGroup(group)),
    newFunction: (id, options) => {
      const pf = plain(id, options);
      created.push({ id, options, pf });
      return pf;
    },
    authorizer: identity.authorizer,
    grants: (group) => {
      asked.push(group);
      return entries.grants.routeGroups[group] ?? [];
    },
  });
  template = Template.fromStack(stack);
  routesTemplate = Template.fromStack(api.routesStack!);
});

const routeResources = (): Array<Record<string, unknown>> =>
  Object.values(routesTemplate.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);

describe('stage', () => {
  it('sets default route throttling and access logs on the stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('takes the throttling from its props', () => {
    const stack = bareStack();
    new Api(stack, {
      prefix: 'karguzar-test',
      throttle: { rateLimit: 20, burstLimit: 40 },
      alarmAction: new SnsAction(new Topic(stack, 'Alarms')),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });
  });

  it('alarms on 5xx responses and on a 4xx spike', () => {
    const metrics = Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .map((a) => a.Properties)
      .filter((p) => p.Namespace === 'AWS/ApiGateway')
      .map((p) => `${String(p.MetricName)}>=${String(p.Threshold)}`);
    expect(metrics.sort()).toEqual(['4xx>=500', '5xx>=5']);
  });
});

describe('routes', () => {
  it("creates exactly the routes of the shared route table, JWT-authorized unless public (operators' too)", () => {
    const actual = routeResources().map((r) => ({ key: r.RouteKey, auth: r.AuthorizationType }));
    const expected = routes.map((r) => ({
      key: `${r.method} ${r.path}`,
      auth: r.auth === 'jwt' || r.auth === 'operator' ? 'JWT' : 'NONE',
    }));
    expect(actual).toEqual(expect.arrayContaining(expected));
    expect(actual).toHaveLength(expected.length);
  });

  it('answers CORS for any origin without credentials, never allowing Authorization or PUT/PATCH/DELETE', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['*'],
        AllowMethods: ['GET', 'POST', 'OPTIONS'],
        AllowHeaders: ['content-type', 'accept-language', 'idempotency-key'],
        ExposeHeaders: Match.arrayWith(['ratelimit-remaining', 'retry-after']),
        MaxAge: 600,
      },
    });
    const cors = JSON.stringify(template.findResources('AWS::ApiGatewayV2::Api'));
    expect(cors).not.toMatch(/AllowCredentials|authorization/i);
  });

  it('uses a Cognito JWT authorizer whose audience is the web client', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: {
        Audience: [{ Ref: logicalId(identity.webClient) }],
        Issuer: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
      },
    });
  });

  it('acknowledges AwsSolutions-APIG4 on the routes without a bearer token only, naming the route', () => {
    const acknowledged = api.routesStack!.node.children.filter((c) =>
      c.node.metadata.some((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY),
    );
    expect(acknowledged).toHaveLength(
      routes.filter((r) => r.auth === 'public' || r.auth === 'invitation').length,
    );
  });
});

describe('route group Lambdas', () => {
  it('has one Lambda per route group', () => {
    const groups = new Set(routes.map((r) => r.group));
    expect(created.map((c) => c.id).filter((id) => id.startsWith('Api'))).toHaveLength(groups.size);
    expect(Object.keys(routesTemplate.findResources('AWS::ApiGatewayV2::Integration'))).toHaveLength(
      groups.size,
    );
  });

  it('grants one invoke permission per function, not per route', () => {
    routesTemplate.resourceCountIs('AWS::Lambda::Permission', created.length);
    template.resourceCountIs('AWS::Lambda::Permission', 1); // the pre-token trigger
  });

  it('gives each group the capabilities it declares, asked once per group', () => {
    expect(asked.sort()).toEqual([...new Set(routes.map((r) => r.group))].sort());
    for (const c of created) {
      const group = routes.find((r) => c.id === `Api${pascal(r.group)}Fn`)!.group;
      expect(c.options.grants, c.id).toEqual(entries.grants.routeGroups[group]);
    }
    const system = created.find((c) => c.id === 'ApiSystemFn')!;
    expect(system.options.grants).toEqual(['table:read']);
  });
});
