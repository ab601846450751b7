/**
 * Minimal evaluator of ASL reference paths (`$.a.b`, `$['a'][0]`, `$$.Execution.Input.x`) for the
 * fields the runner evaluates itself (Wait SecondsPath/TimestampPath, Task TimeoutSecondsPath).
 * Reference paths select a single node, so no filters or wildcards are needed.
 */
export function readReferencePath(path: string, input: unknown, context: unknown): unknown {
  let root: unknown;
  let rest: string;
  if (path.startsWith('$$')) {
    root = context;
    rest = path.slice(2);
  } else if (path.startsWith('$')) {
    root = input;
    rest = path.slice(1);
  } else {
    throw new ReferencePathError(`Not a reference path: ${path}`);
  }
  let node: unknown = root;
  const token =
    /^(?:\.([^.[\]]+)|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\]|\[\s*(\d+)\s*\])/;
  while (rest.length > 0) {
    const m = token.exec(rest);
    if (!m) throw new ReferencePathError(`Unsupported reference path: ${path}`);
    rest = rest.slice(m[0].length);
    const key = m[1] ?? m[2] ?? m[3];
    if (key !== undefined) {
      if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) {
        throw new ReferencePathError(`Path ${path} does not exist in the input`);
      }
      node = (node as Record<string, unknown>)[key];
    } else {
      const index = Number(m[4]);
      if (!Array.isArray(node) || index >= node.length)
        throw new ReferencePathError(`Path ${path} does not exist in the input`);
      node = node[index];
    }
  }
  return node;
}

export class ReferencePathError extends Error {
  override name = 'States.Runtime';
}
