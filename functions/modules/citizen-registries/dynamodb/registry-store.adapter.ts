import { setFields } from '../../../platform/kernel/objects';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RegistryOrganization, RegistryPerson } from '../domain/identifiers';
import type { RegistryLoader, RegistryLookup } from '../ports';
import { createRegistryModel, type RegistryModel } from './registry.entities';

const DATASET = 'local';
const MAX_ATTEMPTS = 5;

// Only the fields of the contract (ElectroDB may hand back more in later versions); an optional
// field that is empty is left out.
const personFields = [
  'fin',
  'surname',
  'name',
  'patronymic',
  'birthDate',
  'address',
  'phone',
  'email',
] as const;
const organizationFields = [
  'voen',
  'name',
  'legalForm',
  'address',
  'director',
  'phone',
  'email',
  'registeredAt',
] as const;

const toPerson = (row: RegistryPerson) => setFields(row, personFields) as RegistryPerson;
const toOrganization = (row: RegistryOrganization) =>
  setFields(row, organizationFields) as RegistryOrganization;

/**
 * Batch writes, retried for the items DynamoDB left unprocessed (throttling), with a short backoff.
 * ElectroDB splits the items into BatchWriteItem calls of 25.
 */
async function putAll<T>(
  items: readonly T[],
  keyName: keyof T & string,
  write: (batch: T[]) => Promise<{ unprocessed: Record<string, unknown>[] }>,
): Promise<void> {
  let pending = [...items];
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > MAX_ATTEMPTS) throw new Error(`Registry load: ${pending.length} items left unprocessed`);
    const { unprocessed } = await write(pending);
    const left = new Set(unprocessed.map((key) => String(key[keyName])));
    pending = pending.filter((item) => left.has(String(item[keyName])));
    if (pending.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
  }
}

/** The registry dataset in the project's DynamoDB table (see registry.entities.ts for the keys). */
export class DynamoRegistry implements RegistryLookup, RegistryLoader {
  private readonly model: RegistryModel;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.model = createRegistryModel(client, table);
  }

  async person(fin: string): Promise<RegistryPerson | undefined> {
    const res = await this.model.person.get({ fin }).go();
    return res.data ? toPerson(res.data) : undefined;
  }

  async organization(voen: string): Promise<RegistryOrganization | undefined> {
    const res = await this.model.organization.get({ voen }).go();
    return res.data ? toOrganization(res.data) : undefined;
  }

  async loadedVersion(): Promise<string | undefined> {
    const res = await this.model.dataset.get({ name: DATASET }).go();
    return res.data?.version;
  }

  async putPersons(persons: readonly RegistryPerson[]): Promise<void> {
    await putAll(persons.map(toPerson), 'fin', (batch) => this.model.person.put(batch).go());
  }

  async putOrganizations(organizations: readonly RegistryOrganization[]): Promise<void> {
    await putAll(organizations.map(toOrganization), 'voen', (batch) =>
      this.model.organization.put(batch).go(),
    );
  }

  async markLoaded(version: string, counts: { persons: number; organizations: number }): Promise<void> {
    await this.model.dataset
      .put({ name: DATASET, version, ...counts, loadedAt: new Date().toISOString() })
      .go();
  }
}
