import { describe, expect, it } from 'vitest';
import { checkPortPlan, FETCH_BLOCKED_PORTS, localPorts } from '../../../infra/local/port-plan';

describe('the port plan', () => {
  it('lists exactly the ports this Node refuses to fetch from', async () => {
    const refused = async (port: number) =>
      fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) }).then(
        () => false,
        (error: unknown) => String((error as { cause?: { message?: string } }).cause?.message) === 'bad port',
      );
    for (const port of FETCH_BLOCKED_PORTS) expect(await refused(port), String(port)).toBe(true);
    // Neighbours of blocked ports are fine (a refused connection, not a blocked port).
    for (const port of [5999, 6001, 10079, 10081]) expect(await refused(port), String(port)).toBe(false);
  });

  it('refuses a plan with a blocked port, naming the variable to change', () => {
    expect(() => localPorts({ PORT: '6000' })).toThrow(
      /Port 6000 of the gateway service .* choose another PORT/,
    );
    expect(() => localPorts({ PORT: '5995' })).toThrow(/Port 6000 of the smtp service .* KARGUZAR_SMTP_PORT/);
    expect(() => localPorts({ PORT: '10071' })).toThrow(/Port 10080 of the cognito service/);
    expect(() => localPorts({ PORT: '65530' })).toThrow(/not a TCP port/);
  });

  it('refuses a port planned twice', () => {
    const plan = localPorts({ PORT: '3000' });
    expect(() => checkPortPlan({ ...plan, s3: plan.gateway })).toThrow(/planned twice/);
  });

  it('accepts the default plan and moved services', () => {
    expect(localPorts({}).gateway).toBe(3000);
    expect(localPorts({ PORT: '5995', KARGUZAR_SMTP_PORT: '7025' }).smtp).toBe(7025);
  });
});
