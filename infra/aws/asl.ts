import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface AslDefinition {
  /** File name without `.asl.json`, e.g. `execution-deadline`. */
  readonly name: string;
  readonly file: string;
  readonly text: string;
  /** Task names from `${fn_<name>}` placeholders, in order of first use. */
  readonly tasks: readonly string[];
}

const TASK_PLACEHOLDER = /\$\{fn_([A-Za-z0-9_-]+)\}/g;

/** Task names referenced by `${fn_<name>}` placeholders in an ASL text. */
export function taskPlaceholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(TASK_PLACEHOLDER)) names.add(match[1]!);
  return [...names];
}

/** Every `*.asl.json` of a folder (sorted by name); none when the folder does not exist. */
export function readAslFolder(dir: string): AslDefinition[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.asl.json'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const text = readFileSync(file, 'utf8');
      JSON.parse(text); // fail synth early on a broken definition
      return { name: basename(f, '.asl.json'), file, text, tasks: taskPlaceholders(text) };
    });
}

/** `send-reminder` / `send_reminder` → `SendReminder` (construct ids). */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}
