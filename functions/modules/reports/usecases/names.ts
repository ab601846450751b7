import { localize, type Language } from '../../../platform/kernel/text';
import type { Department, Employee, Position } from '../../org';
import type { ReportDeps } from '../ports';

type Named = { id: string; name: Parameters<typeof localize>[0] };

/**
 * Display names a report needs (employees, their departments, classifications), read by key in
 * batches and kept for the request or the export job: never a scan.
 */
export class Names {
  private readonly employees = new Map<string, Employee | null>();
  private readonly positions = new Map<string, Position | null>();
  private readonly departments = new Map<string, Department | null>();
  private readonly classifications = new Map<string, Named | null>();
  private readonly deliveryForms = new Map<string, Named | null>();

  constructor(
    private readonly deps: ReportDeps,
    private readonly tenantId: string,
    readonly lang: Language,
  ) {}

  private async fill<T extends { id: string }>(
    cache: Map<string, T | null>,
    type: Parameters<ReportDeps['store']['getMany']>[0],
    ids: Iterable<string | undefined>,
  ): Promise<void> {
    const missing = [...new Set([...ids].filter((id): id is string => !!id && !cache.has(id)))];
    for (let i = 0; i < missing.length; i += 100) {
      const batch = missing.slice(i, i + 100);
      const found = await this.deps.store.getMany<
        T & { version: number; tenantId: string; createdAt: string; updatedAt: string }
      >(type, this.tenantId, batch);
      for (const id of batch) cache.set(id, found.find((f) => f.id === id) ?? null);
    }
  }

  /** Loads the employees, their positions' departments and the classifications given. */
  async load(
    employeeIds: Iterable<string | undefined>,
    classificationIds: Iterable<string | undefined>,
    deliveryFormIds: Iterable<string | undefined> = [],
  ) {
    await this.fill(this.deliveryForms, 'ref:delivery-forms', deliveryFormIds);
    await this.fill(this.employees, 'employee', employeeIds);
    await this.fill(
      this.positions,
      'position',
      [...this.employees.values()].map((e) => e?.positionIds[0]),
    );
    await this.fill(
      this.departments,
      'department',
      [...this.positions.values()].map((p) => p?.departmentId),
    );
    // The departments above them (a department's report includes its sub-departments).
    for (let depth = 0; depth < 20; depth++) {
      const parents = [...this.departments.values()]
        .map((d) => d?.parentId)
        .filter((id): id is string => !!id && !this.departments.has(id));
      if (parents.length === 0) break;
      await this.fill(this.departments, 'department', parents);
    }
    await this.fill(this.classifications, 'ref:classifications', classificationIds);
  }

  employee(id: string | undefined): string {
    return (id && this.employees.get(id)?.fullName) || '';
  }

  /** The department of an employee's first position. */
  departmentOf(employeeId: string | undefined): { id?: string; name: string } {
    const e = employeeId ? this.employees.get(employeeId) : undefined;
    const p = e?.positionIds[0] ? this.positions.get(e.positionIds[0]) : undefined;
    const d = p?.departmentId ? this.departments.get(p.departmentId) : undefined;
    return d ? { id: d.id, name: localize(d.name, this.lang) } : { name: '' };
  }

  /** The employee's department and every department above it. */
  departmentsOf(employeeId: string | undefined): string[] {
    const out: string[] = [];
    let id = this.departmentOf(employeeId).id;
    while (id && !out.includes(id)) {
      out.push(id);
      id = this.departments.get(id)?.parentId;
    }
    return out;
  }

  deliveryForm(id: string | undefined): string {
    const c = id ? this.deliveryForms.get(id) : undefined;
    return c ? localize(c.name, this.lang) : '';
  }

  classification(id: string | undefined): string {
    const c = id ? this.classifications.get(id) : undefined;
    return c ? localize(c.name, this.lang) : '';
  }
}
