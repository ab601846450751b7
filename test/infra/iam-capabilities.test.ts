import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/api/routes';
import { readAslFolder } from '../../infra/aws/asl';
import { entries, startedMachines, type Capability } from '../../infra/aws/entries';
import { capabilitiesFromCode, capabilitiesOf, wiringOf } from './capabilities-from-code';
import { projectRoot } from './synth';

/**
 * The capabilities declared in entries.ts against what each entry's code reaches: a handler, task
 * or stream consumer that starts using an adapter (a bucket access, a machine, SMS, ...) it did not
 * declare fails here, and so does a declaration the code no longer needs.
 */
const at = (relative: string): string => join(projectRoot, relative);
const definitions = readAslFolder(at('statemachines'));
const groups = [...new Set(routes.map((r) => r.group))].filter((g) => existsSync(at(entries.routeGroup(g))));
const tasks = [...new Set(definitions.flatMap((d) => d.tasks))].filter((t) =>
  existsSync(at(entries.task(t))),
);
const writer = join(import.meta.dirname, 'fixture/capabilities/archive-writer.entry.ts');

const checked: Array<{ what: string; entry: string; declared: readonly Capability[] | undefined }> = [
  ...groups.map((g) => ({
    what: `route group ${g}`,
    entry: at(entries.routeGroup(g)),
    declared: entries.grants.routeGroups[g],
  })),
  ...tasks.map((t) => ({ what: `task ${t}`, entry: at(entries.task(t)), declared: entries.grants.tasks[t] })),
  { what: 'stream consumer', entry: at(entries.stream), declared: entries.grants.stream },
  { what: 'mail intake', entry: at(entries.intake), declared: entries.grants.intake },
];

/** What differs between a declaration and the code, with where the code uses each missing one. */
function difference(entry: string, declared: readonly Capability[] = []) {
  const used = capabilitiesOf(entry);
  return {
    undeclared: [...used].filter(([c]) => !declared.includes(c)).map(([c, where]) => `${c} at ${where}`),
    unused: declared.filter((c) => !used.has(c)),
  };
}

beforeAll(() => {
  capabilitiesFromCode([...checked.map((c) => c.entry), writer]);
}, 240_000);

describe('declared capabilities', () => {
  it('cover every route group, task and the stream consumer, and nothing else', () => {
    expect(groups.length).toBeGreaterThan(5);
    expect(tasks.length).toBeGreaterThan(5);
    expect(Object.keys(entries.grants.routeGroups).sort()).toEqual([...groups].sort());
    expect(Object.keys(entries.grants.tasks).sort()).toEqual([...tasks].sort());
  });

  it.each(checked)('match what the code of the $what uses', ({ entry, declared }) => {
    expect(difference(entry, declared)).toEqual({ undeclared: [], unused: [] });
  });

  it.each(checked)('wire exactly the adapters the code of the $what uses', ({ entry }) => {
    // A Lambda bundles only the adapters its entry wires: one it uses but does not wire fails at run time.
    const { uses, wires } = wiringOf(entry);
    expect({
      unwired: [...uses].filter(([name]) => !wires.has(name)).map(([name, at]) => `${name} at ${at}`),
      unused: [...wires].filter((name) => !uses.has(name)),
    }).toEqual({ unwired: [], unused: [] });
  });

  it('fail for an entry that uses an adapter it did not declare', () => {
    expect(difference(writer, ['archive:put'])).toEqual({
      undeclared: [
        expect.stringMatching(/^archive:retention at .*archive-writer\.entry\.ts:/),
        expect.stringMatching(/^machine:daily-digest at /),
      ],
      unused: [],
    });
    expect(
      difference(writer, ['archive:put', 'archive:retention', 'machine:daily-digest', 'sms']).unused,
    ).toEqual(['sms']);
  });

  it('fail for an entry that uses an adapter it does not wire', () => {
    expect([...wiringOf(writer).uses.keys()].sort()).toEqual(['objects', 'workflow']);
    expect(wiringOf(writer).wires).toEqual(new Set());
  });

  it('leave the health and configuration group with table reads only', () => {
    expect(entries.grants.routeGroups.system).toEqual(['table:read']);
  });

  it('deploy only the machines some code starts: not human-step nor scheduled-notification', () => {
    const started = startedMachines(entries.grants);
    expect([...started].sort()).toEqual(
      definitions
        .map((d) => d.name)
        .filter((n) => !['human-step', 'scheduled-notification'].includes(n))
        .sort(),
    );
    expect(readdirSync(at('statemachines'))).toEqual(
      expect.arrayContaining(['human-step.asl.json', 'scheduled-notification.asl.json']),
    );
  });
});
