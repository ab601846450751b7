import type { Actor } from '../../../platform/kernel/aggregate';
import type { Deps } from '../../../platform/kernel/aggregates';
import { bakuLocalDate } from '../../documents';
import { getTenant, tenantSms, updateTenantSms, type Tenant, type TenantSms } from '../../org';
import type { SmsBudget } from '../ports';

export interface SmsSettingsDeps extends Deps {
  smsBudget: SmsBudget;
}

/** The agency's SMS setting with this (Baku) month's parts used. */
export interface SmsSettings extends TenantSms {
  /** yyyy-MM (Asia/Baku). */
  month: string;
  used: number;
  /** When a send first did not fit this month. */
  exceededAt?: string;
  /** The agency record's version (the setting is kept on it). */
  version: number;
}

async function view(deps: SmsSettingsDeps, tenant: Tenant): Promise<SmsSettings> {
  const month = bakuLocalDate(deps.clock.now().toISOString()).slice(0, 7);
  const usage = await deps.smsBudget.usage(tenant.id, month);
  return { ...tenantSms(tenant), month, ...usage, version: tenant.version };
}

export async function getSmsSettings(deps: SmsSettingsDeps, actor: Actor): Promise<SmsSettings> {
  return view(deps, await getTenant(deps, actor));
}

/** Admins turn SMS on or off and set the monthly parts; the count of the month stays. */
export async function updateSmsSettings(
  deps: SmsSettingsDeps,
  actor: Actor,
  input: TenantSms & { version: number },
): Promise<SmsSettings> {
  return view(deps, await updateTenantSms(deps, actor, input));
}
