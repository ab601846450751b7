import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { Data } from '../../infra/aws/constructs/data';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { bareStack, environmentOf, logicalId, statementsOf, stubEntry } from './bare-stack';

/** The e-visa code key (issue 15): a key of its own, granted by capability and nothing more. */
let data: Data;
let issuer: ProjectFunction;
let publisher: ProjectFunction;
let other: ProjectFunction;
let template: Template;
beforeAll(() => {
  const stack = bareStack();
  data = new Data(stack, { visaCodeKeyAlias: 'alias/karguzar-test-evisa-codes' });
  const fn = (id: string) =>
    new ProjectFunction(stack, id, { entry: stubEntry, description: 'test function' });
  issuer = fn('Issuer');
  publisher = fn('Publisher');
  other = fn('Other');
  data.bindSigningKey(issuer, ['visaCode:sign', 'visaCode:publicKey']);
  data.bindSigningKey(publisher, ['visaCode:publicKey']);
  data.bindSigningKey(other, ['signer']);
  template = Template.fromStack(stack);
});

const onVisaKey = (pf: ProjectFunction) =>
  statementsOf(template, logicalId(pf.role))
    .filter(
      (s) =>
        JSON.stringify(s.Resource) === JSON.stringify({ 'Fn::GetAtt': [logicalId(data.visaCodeKey), 'Arn'] }),
    )
    .flatMap((s) => [s.Action].flat())
    .sort();

describe('the e-visa code key', () => {
  it('is an ECC P-256 signing key of its own, kept, with the environment’s alias', () => {
    template.hasResource('AWS::KMS::Key', {
      Properties: { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' },
      DeletionPolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/karguzar-test-evisa-codes',
      TargetKeyId: { 'Fn::GetAtt': [logicalId(data.visaCodeKey), 'Arn'] },
    });
    expect(logicalId(data.visaCodeKey)).not.toBe(logicalId(data.signingKey));
  });

  it('lets the issuing function sign and read the public key, the public endpoints only read it', () => {
    expect(onVisaKey(issuer)).toEqual(['kms:GetPublicKey', 'kms:Sign']);
    expect(onVisaKey(publisher)).toEqual(['kms:GetPublicKey']);
    expect(onVisaKey(other)).toEqual([]);
    for (const pf of [issuer, publisher])
      expect(environmentOf(template, pf).EVISA_CODE_KEY_ID).toEqual({ Ref: logicalId(data.visaCodeKey) });
    expect(environmentOf(template, other).EVISA_CODE_KEY_ID).toBeUndefined();
    expect(environmentOf(template, issuer).SIGNING_KEY_ID).toBeUndefined();
  });
});
