import { describe, expect, it } from 'vitest';
import { targetProblem } from '../../../functions/modules/webhooks/domain/target';
import { isPublicLiteral } from '../../../functions/modules/webhooks/outbound/address';

const inAws = (url: string) => targetProblem(url, false, isPublicLiteral);
const embedded = (url: string) => targetProblem(url, true, isPublicLiteral);

describe('webhook subscription targets', () => {
  it('in AWS takes https to a host name or a public address only', () => {
    expect(inAws('https://hooks.example.az/karguzar')).toBeUndefined();
    expect(inAws('https://93.184.216.34/in')).toBeUndefined();
    expect(inAws('http://hooks.example.az/')).toBe('https_required');
    expect(inAws('https://127.0.0.1:8443/')).toBe('private_address');
    expect(inAws('https://10.0.0.5/')).toBe('private_address');
    expect(inAws('https://169.254.169.254/latest/meta-data')).toBe('private_address');
    expect(inAws('https://[::1]/')).toBe('private_address');
    expect(inAws('https://[::ffff:127.0.0.1]/')).toBe('private_address');
    expect(inAws('https://localhost/')).toBe('private_address');
    expect(inAws('https://api.localhost/')).toBe('private_address');
    expect(inAws('https://intranet/')).toBe('private_address');
    expect(inAws('https://user:pw@hooks.example.az/')).toBe('credentials_in_url');
    expect(inAws('ftp://hooks.example.az/')).toBe('invalid_url');
    expect(inAws('not a url')).toBe('invalid_url');
  });

  it('in the embedded default also takes http to 127.0.0.1', () => {
    expect(embedded('http://127.0.0.1:4000/hook')).toBeUndefined();
    expect(embedded('https://[::1]/')).toBeUndefined();
    expect(embedded('ftp://127.0.0.1/')).toBe('invalid_url');
    expect(embedded('http://a:b@127.0.0.1/')).toBe('credentials_in_url');
  });
});
