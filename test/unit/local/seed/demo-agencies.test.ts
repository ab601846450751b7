import { describe, expect, it } from 'vitest';
import { demoAgencies, demoAgency1, demoAgency2 } from '../../../../infra/local/seed/data/demo-agencies';
import type { DemoAgency } from '../../../../infra/local/seed/data/types';
import { roles } from '../../../../functions/platform/kernel/roles';
import { positionKinds } from '../../../../functions/modules/org/domain/org';
import {
  departmentInput,
  employeeInput,
  positionInput,
  absenceInput,
  tenantProfile,
} from '../../../../functions/modules/org/api/org.schema';
import { azProblems, duplicates, nameProblems } from './text-checks';

const fakeId = '00000000-0000-4000-8000-000000000000';

/** Roles an employee holds through their positions. */
function rolesOf(agency: DemoAgency, username: string): Set<string> {
  const employee = agency.employees.find((e) => e.username === username);
  const positions = agency.positions.filter((p) => employee?.positionCodes.includes(p.code));
  return new Set(positions.flatMap((p) => p.roles));
}

describe('seed: demo agencies (shared rules)', () => {
  it('has two tenants with distinct keys, VÖENs, e-mail domains', () => {
    expect(demoAgencies.map((a) => a.tenant.key)).toEqual(['demo1', 'demo2']);
    expect(duplicates(demoAgencies.map((a) => a.tenant.voen))).toEqual([]);
    expect(duplicates(demoAgencies.map((a) => a.tenant.email.split('@')[1]))).toEqual([]);
  });

  it('has usernames that are unique across all tenants', () => {
    expect(duplicates(demoAgencies.flatMap((a) => a.employees.map((e) => e.username)))).toEqual([]);
    expect(duplicates(demoAgencies.flatMap((a) => a.employees.map((e) => e.email.toLowerCase())))).toEqual(
      [],
    );
    expect(duplicates(demoAgencies.flatMap((a) => a.employees.map((e) => e.phone)))).toEqual([]);
  });

  for (const agency of demoAgencies) {
    const { tenant, departments, positions, employees, absences } = agency;
    const deptCodes = new Set(departments.map((d) => d.code));
    const posCodes = new Set(positions.map((p) => p.code));
    const usernames = new Set(employees.map((e) => e.username));
    const domain = tenant.email.split('@')[1] ?? '';

    describe(tenant.key, () => {
      it('has a valid tenant profile', () => {
        expect(tenant.voen).toMatch(/^\d{10}$/);
        // The last digit of a VÖEN tells the taxpayer type: 1 = legal entity, 2 = individual.
        expect(tenant.voen.endsWith('1')).toBe(true);
        expect(tenant.phone).toMatch(/^\+994(10|12|50|51|55|70|77|99)\d{7}$/);
        expect(tenant.email).toMatch(/^[a-z0-9._-]+@[a-z0-9-]+\.example\.az$/);
        expect(tenant.legalAddress).toMatch(/^AZ\d{4}, Bakı şəhəri, /);
        expect(azProblems(tenant.legalAddress)).toEqual([]);
        expect(tenant.name.az).toMatch(/\(demo\)$/);
        expect(tenant.name.en).toMatch(/\(demo\)$/);
        expect(tenant.name.ru).toMatch(/\(демо\)$/);
        expect([
          ...nameProblems('name', tenant.name),
          ...nameProblems('shortName', tenant.shortName),
        ]).toEqual([]);
        const { key: _key, ...profile } = tenant;
        const parsed = tenantProfile.safeParse(profile);
        expect(parsed.success, parsed.error?.message).toBe(true);
      });

      it('has a department tree: unique codes, existing parents, one root, no cycles', () => {
        expect(duplicates(departments.map((d) => d.code))).toEqual([]);
        expect(departments.filter((d) => d.parentCode === undefined)).toHaveLength(1);
        for (const d of departments) {
          if (d.parentCode !== undefined)
            expect(deptCodes.has(d.parentCode), `${d.code} → ${d.parentCode}`).toBe(true);
          const seen = new Set<string>();
          for (
            let c: string | undefined = d.code;
            c !== undefined;
            c = departments.find((x) => x.code === c)?.parentCode
          ) {
            expect(seen.has(c), `cycle through ${d.code}`).toBe(false);
            seen.add(c);
          }
          const parsed = departmentInput.safeParse({ name: d.name, code: d.code });
          expect(parsed.success, `${d.code}: ${parsed.error?.message}`).toBe(true);
        }
        expect(departments.flatMap((d) => nameProblems(`department ${d.code}`, d.name))).toEqual([]);
        expect(duplicates(departments.map((d) => d.name.az))).toEqual([]);
      });

      it('has positions in existing departments with known kinds and roles', () => {
        expect(duplicates(positions.map((p) => p.code))).toEqual([]);
        for (const p of positions) {
          expect(deptCodes.has(p.departmentCode), `${p.code}: department ${p.departmentCode}`).toBe(true);
          expect(positionKinds, p.code).toContain(p.kind);
          expect(duplicates(p.roles), p.code).toEqual([]);
          for (const r of p.roles) expect(roles, p.code).toContain(r);
          const parsed = positionInput.safeParse({
            title: p.title,
            departmentId: fakeId,
            kind: p.kind,
            roles: p.roles,
          });
          expect(parsed.success, `${p.code}: ${parsed.error?.message}`).toBe(true);
        }
        expect(positions.flatMap((p) => nameProblems(`position ${p.code}`, p.title))).toEqual([]);
      });

      it('gives every department at most one head position, and the root one', () => {
        for (const d of departments) {
          const heads = positions.filter((p) => p.departmentCode === d.code && p.kind === 'head');
          if (d.parentCode !== undefined && tenant.key !== 'demo1') {
            expect(heads.length, d.code).toBeLessThanOrEqual(1);
            continue;
          }
          expect(
            heads.map((p) => p.code),
            d.code,
          ).toHaveLength(1);
        }
      });

      it('has employees bound to existing positions, with valid contacts', () => {
        for (const e of employees) {
          expect(e.positionCodes.length, e.username).toBeGreaterThan(0);
          expect(duplicates(e.positionCodes), e.username).toEqual([]);
          for (const code of e.positionCodes) expect(posCodes.has(code), `${e.username}: ${code}`).toBe(true);
          expect(e.email.endsWith(`@${domain}`), `${e.username}: ${e.email}`).toBe(true);
          expect(e.email, e.username).toMatch(/^[a-z0-9._-]+@[a-z0-9.-]+$/);
          expect(e.phone, e.username).toMatch(/^\+994(10|50|51|55|70|77|99)\d{7}$/);
          const parsed = employeeInput.safeParse({
            fullName: e.fullName,
            username: e.username,
            email: e.email,
            phone: e.phone,
            positionIds: e.positionCodes.map(() => fakeId),
          });
          expect(parsed.success, `${e.username}: ${parsed.error?.message}`).toBe(true);
          expect(parsed.data?.username, 'usernames are stored lower-case').toBe(e.username);
        }
      });

      it('fills every position', () => {
        for (const p of positions) {
          expect(
            employees.some((e) => e.positionCodes.includes(p.code)),
            p.code,
          ).toBe(true);
        }
      });

      it('writes full names as "Soyad Ad Ata adı oğlu/qızı" with matching gender', () => {
        for (const e of employees) {
          expect(azProblems(e.fullName), e.fullName).toEqual([]);
          const m = /^(\S+) (\S+) (\S+) (oğlu|qızı)$/.exec(e.fullName);
          expect(m, e.fullName).not.toBeNull();
          if (!m) continue;
          const [, surname = '', name = '', patronymic = '', suffix] = m;
          for (const part of [surname, name, patronymic])
            expect(part, e.fullName).toMatch(/^\p{Lu}\p{Ll}+$/u);
          const female = /(ova|yeva|eva|ina)$/.test(surname);
          const male = /(ov|yev|ev|in|lı|li|lu|lü)$/.test(surname);
          expect(female || male, `${e.fullName}: surname ending`).toBe(true);
          expect(suffix, e.fullName).toBe(female ? 'qızı' : 'oğlu');
        }
        expect(duplicates(employees.map((e) => e.fullName))).toEqual([]);
      });

      it('has absences with substitutes among existing colleagues, within weeks of the seed day, without chains', () => {
        for (const s of absences) {
          const where = `${s.employee} → ${s.substitute}`;
          expect(usernames.has(s.employee), where).toBe(true);
          expect(usernames.has(s.substitute), where).toBe(true);
          expect(s.substitute, where).not.toBe(s.employee);
          expect(Number.isInteger(s.fromDay) && Number.isInteger(s.toDay), where).toBe(true);
          expect(Math.abs(s.fromDay) <= 60 && Math.abs(s.toDay) <= 60, where).toBe(true);
          expect(s.fromDay <= s.toDay, where).toBe(true);
          expect(azProblems(s.note), where).toEqual([]);
          // A substitute must not be absent during the same period.
          const clash = absences.filter(
            (o) => o.employee === s.substitute && o.fromDay <= s.toDay && s.fromDay <= o.toDay,
          );
          expect(clash, where).toEqual([]);
          // Acting for someone is done by a colleague of the same department or its parent.
          const deptsOf = (u: string) =>
            agency.positions
              .filter((p) => agency.employees.find((e) => e.username === u)?.positionCodes.includes(p.code))
              .map((p) => p.departmentCode);
          const near = new Set(
            deptsOf(s.employee).flatMap((d) => [d, departments.find((x) => x.code === d)?.parentCode ?? d]),
          );
          expect(
            deptsOf(s.substitute).some((d) => near.has(d)),
            `${where}: same or parent department`,
          ).toBe(true);
          const parsed = absenceInput.safeParse({
            employeeId: fakeId,
            kind: s.kind,
            from: '2026-11-16',
            to: '2026-12-04',
            substituteId: fakeId,
            note: s.note,
          });
          expect(parsed.success, `${where}: ${parsed.error?.message}`).toBe(true);
        }
      });
    });
  }
});

describe('seed: demo agency 1', () => {
  const usernames = demoAgency1.employees.map((e) => e.username);

  it('is big enough to demonstrate the product', () => {
    expect(demoAgency1.departments.length).toBeGreaterThanOrEqual(4);
    expect(demoAgency1.employees.length).toBeGreaterThanOrEqual(12);
    expect(demoAgency1.departments.some((d) => d.parentCode !== undefined && d.parentCode !== '01')).toBe(
      true,
    );
  });

  it('has the usernames the docs and e2e tests rely on', () => {
    for (const u of [
      'admin',
      'clerk',
      'head',
      'executor1',
      'executor2',
      'controller',
      'deputy',
      'approver',
      'lawyer',
    ]) {
      expect(usernames, u).toContain(u);
    }
  });

  it('gives the named demo users the roles their names promise', () => {
    const expected: Record<string, string> = {
      admin: 'admin',
      clerk: 'clerk',
      head: 'head',
      deputy: 'head',
      executor1: 'executor',
      executor2: 'executor',
      controller: 'controller',
      approver: 'approver',
      lawyer: 'executor',
    };
    for (const [username, role] of Object.entries(expected)) {
      expect([...rolesOf(demoAgency1, username)], username).toContain(role);
    }
    const deputy = demoAgency1.positions.find((p) =>
      demoAgency1.employees.find((e) => e.username === 'deputy')?.positionCodes.includes(p.code),
    );
    expect(deputy?.kind).toBe('deputy');
  });

  it('covers every role and every position kind', () => {
    const held = new Set(demoAgency1.employees.flatMap((e) => [...rolesOf(demoAgency1, e.username)]));
    expect([...roles].filter((r) => !held.has(r))).toEqual([]);
    const kinds = new Set(demoAgency1.positions.map((p) => p.kind));
    expect(positionKinds.filter((k) => k !== 'other' && !kinds.has(k))).toEqual([]);
  });

  it('has a current absence of the head with the deputy as substitute (for the substitute demo)', () => {
    expect(
      demoAgency1.absences.some(
        (s) => s.employee === 'head' && s.substitute === 'deputy' && s.fromDay <= 0 && 0 <= s.toDay,
      ),
    ).toBe(true);
  });
});

describe('seed: demo agency 2', () => {
  it('is a small company with an admin and at least two other employees', () => {
    expect(demoAgency2.tenant.name.az).toMatch(/MMC \(demo\)$/);
    expect(demoAgency2.departments.length).toBeGreaterThanOrEqual(1);
    expect(demoAgency2.departments.length).toBeLessThanOrEqual(2);
    const usernames = demoAgency2.employees.map((e) => e.username);
    expect(usernames).toContain('admin2');
    expect(usernames.length).toBeGreaterThanOrEqual(3);
    expect([...rolesOf(demoAgency2, 'admin2')]).toContain('admin');
    const held = new Set(usernames.flatMap((u) => [...rolesOf(demoAgency2, u)]));
    for (const r of ['admin', 'clerk', 'head', 'executor'] as const) expect(held.has(r), r).toBe(true);
  });
});
