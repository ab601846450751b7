import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, type CfnResource } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_CONTEXT, buildApp, type Built } from '../../infra/aws/build';
import type { EntryPaths } from '../../infra/aws/entries';
import type { InfraRoute } from '../../infra/aws/karguzar-stack';

/** Synthesizes the stack against test/infra/fixture (stream consumer, missing entries). */
const fixtureRoot = join(import.meta.dirname, 'fixture');
const fixtureRoutes: InfraRoute[] = [
  { method: 'GET', path: '/api/v1/alpha', group: 'alpha' as InfraRoute['group'], auth: 'jwt' },
  { method: 'POST', path: '/api/v1/alpha/public', group: 'alpha' as InfraRoute['group'], auth: 'public' },
  { method: 'GET', path: '/api/v1/beta', group: 'beta' as InfraRoute['group'], auth: 'jwt' },
];
/** The fixture's own layout: independent of where entries.ts says the real functions live. */
const fixtureEntries: EntryPaths = {
  routeGroup: (group) => `functions/handlers/${group}.handler.ts`,
  task: (name) => `functions/handlers/tasks/${name}.task.ts`,
  stream: 'functions/handlers/stream.handler.ts',
  // Absent in the fixture: the intake function is skipped (its bucket and rule set stay).
  intake: 'functions/handlers/intake.handler.ts',
  // Both machines are started by someone: `orphan` is skipped for its missing task, not for this.
  grants: {
    routeGroups: { alpha: ['table:read', 'search:read', 'machine:orphan'], beta: ['table:read'] },
    tasks: { remind: ['table:read', 'email', 'sms'] },
    stream: ['table:read', 'table:write', 'search:write', 'machine:deadline'],
    intake: [],
  },
};

let built: Built;
let template: Template;
beforeAll(() => {
  const app = new App({
    // The real app (stack.test.ts) runs CDK's built-in CloudFormation schema validation; here it
    // would only add ~15 s of schema loading.
    builtinCloudFormationValidation: false,
    outdir: mkdtempSync(join(tmpdir(), 'karguzar-cdk-fixture-')),
    context: { ...APP_CONTEXT, 'aws:cdk:bundling-stacks': [], env: 'test', search: 'true' },
  });
  built = buildApp(app, {
    projectRoot: fixtureRoot,
    routes: fixtureRoutes,
    entries: fixtureEntries,
    nag: true,
  });
  app.synth(); // throws on any unacknowledged cdk-nag error
  template = Template.fromStack(built.main);
});

const logicalId = (c: IConstruct): string => Stack.of(c).getLogicalId(c.node.defaultChild as CfnResource);

describe('stack against the fixture project', () => {
  it('deploys only route groups that have a handler entry, and warns about the others', () => {
    expect(Object.keys(built.main.functions).filter((id) => id.startsWith('Api'))).toEqual(['ApiAlphaFn']);
    const routesStack = built.main.node.findChild('ApiRoutes') as Stack;
    const keys = Object.values(Template.fromStack(routesStack).findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties.RouteKey,
    );
    expect(keys.sort()).toEqual(['GET /api/v1/alpha', 'POST /api/v1/alpha/public']);
    Annotations.fromStack(built.main).hasWarning(
      '*',
      Match.stringLikeRegexp('Route group "beta" has no entry'),
    );
  });

  it('skips a state machine whose task has no entry, with a warning', () => {
    expect(Object.keys(built.main.workflows.stateMachines)).toEqual(['deadline']);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    Annotations.fromStack(built.main).hasWarning(
      '*',
      Match.stringLikeRegexp('State machine "orphan" is not deployed'),
    );
  });

  it('substitutes a task used twice by one Lambda', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'karguzar-test-deadline',
      DefinitionSubstitutions: {
        fn_remind: { 'Fn::GetAtt': [logicalId(built.main.functions.TaskRemindFn!.fn), 'Arn'] },
      },
    });
  });

  it('consumes the table stream with an on-failure DLQ and stream-scoped read permissions', () => {
    const stream = built.main.functions.StreamFn!;
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(stream.fn) },
      EventSourceArn: { 'Fn::GetAtt': [logicalId(built.main.data.table), 'StreamArn'] },
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(stream.role) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['dynamodb:GetRecords']),
            Resource: { 'Fn::GetAtt': [logicalId(built.main.data.table), 'StreamArn'] },
          }),
        ]),
      },
    });
  });

  it('lets the stream consumer write to the search collection and API roles only read', () => {
    const policy = Object.values(template.findResources('AWS::OpenSearchServerless::AccessPolicy'))[0]!;
    const text = JSON.stringify(policy.Properties.Policy);
    expect(text).toContain('aoss:WriteDocument');
    expect(text).toContain(logicalId(built.main.functions.StreamFn!.role));
    expect(text).toContain(logicalId(built.main.functions.ApiAlphaFn!.role));
  });

  it('gives notification senders SES send on the mail identity only, with the From address pinned', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(built.main.functions.TaskRemindFn!.role) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['ses:SendEmail', 'ses:SendRawEmail'],
            Condition: { StringEquals: { 'ses:FromAddress': 'no-reply@mail.karguzar.example' } },
          }),
        ]),
      },
    });
  });
});
