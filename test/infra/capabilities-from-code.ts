import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import type { Capability } from '../../infra/aws/entries';

/**
 * What a Lambda entry's code can do with the container's adapters, found in the code itself: from
 * the entry, every declaration its code refers to is followed (functions, constants, methods,
 * classes of `functions/`), and every use of a port (a call of `ObjectStore.put`, of
 * `WorkflowEngine.start` with its machine, a `release` of a unique claim, ...) becomes the
 * capability it needs. The adapters behind the ports and the container's wiring are not followed
 * (they are what the capabilities grant); a composite the container builds from itself (alerts,
 * approval progress, signatures) is followed from its getter once its interface is used.
 *
 * Over-approximates: a declaration counts once it is referred to, whether or not that branch runs.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const FUNCTIONS = join(ROOT, 'functions') + sep;
const CONTAINER_FILE = join(ROOT, 'functions', 'wiring', 'container.ts');
/** The adapters an entry wires (`wire({ email, objects })`), one export each. */
const ADAPTERS_FILE = join(ROOT, 'functions', 'wiring', 'adapters.ts');

/** Folders whose code is behind a port: what a capability grants, not what asks for one. */
const isAdapter = (file: string): boolean =>
  file.startsWith(join(ROOT, 'functions', 'platform', 'adapters') + sep) ||
  /[/\\]functions[/\\]modules[/\\][^/\\]+[/\\]dynamodb[/\\]/.test(file);

type Use = (call: ts.CallExpression | undefined, site: ts.Node) => Capability[];

const TABLE_READ: Use = () => ['table:read'];
const TABLE_WRITE: Use = () => ['table:write'];
/** The one-time migrations scan the table: the embedded default and a script run them, never a Lambda. */
const NO_LAMBDA: Use = (_call, site) => {
  throw new Error(`${where(site)}: a table migration (Scan) reached from a Lambda entry`);
};

/** Every member of every port, and what using it needs. A member missing here fails the check. */
const PORTS: Readonly<Record<string, Readonly<Record<string, Use | 'none'>>>> = {
  AggregateStore: {
    get: TABLE_READ,
    getMany: TABLE_READ,
    list: TABLE_READ,
    findByUnique: TABLE_READ,
    replayOf: TABLE_READ,
    changes: TABLE_READ,
    create: TABLE_WRITE,
    update: TABLE_WRITE,
    transact: TABLE_WRITE,
  },
  DocumentStore: {
    get: TABLE_READ,
    getMany: TABLE_READ,
    list: TABLE_READ,
    replay: TABLE_READ,
    operations: TABLE_READ,
    operationChain: TABLE_READ,
    journalChain: TABLE_READ,
    dayEntries: TABLE_READ,
    links: TABLE_READ,
    lookup: TABLE_READ,
    lastNumber: TABLE_READ,
    assignments: TABLE_READ,
    inbox: TABLE_READ,
    inboxLines: TABLE_READ,
    notificationSent: TABLE_READ,
    commit: TABLE_WRITE,
    log: TABLE_WRITE,
    recordNotification: TABLE_WRITE,
    everyOfKind: TABLE_READ,
    backfillNumberKeys: NO_LAMBDA,
    backfillStatusKeys: NO_LAMBDA,
    backfillParticipantUnits: NO_LAMBDA,
  },
  TaskInbox: { record: TABLE_WRITE, get: TABLE_READ },
  RegistryLookup: { person: TABLE_READ, organization: TABLE_READ },
  RegistryLoader: {
    loadedVersion: TABLE_READ,
    putPersons: TABLE_WRITE,
    putOrganizations: TABLE_WRITE,
    markLoaded: TABLE_WRITE,
  },
  ObjectStore: {
    presignUpload: bucketUse('put'),
    presignDownload: bucketUse('read'),
    head: bucketUse('read'),
    get: bucketUse('read'),
    getStream: bucketUse('read'),
    put: bucketUse('put'),
    putStream: bucketUse('put'),
    lockState: bucketUse('lockState'),
    setLegalHold: bucketUse('legalHold'),
    deleteVersion: bucketUse('deleteVersion'),
  },
  DocumentSigner: { sign: () => ['signer'], verify: () => ['signer'], publicKey: () => ['signer'] },
  VisaCodeSigner: { sign: () => ['visaCode:sign'], publicKey: () => ['visaCode:publicKey'] },
  SigningKeys: {
    createKey: () => ['signingKeys'],
    publicKey: () => ['signingKeys'],
    signDigest: () => ['signingKeys'],
  },
  WorkflowEngine: {
    start: (call) => [`machine:${machineOf(call, 'start')}`],
    executionArn: (call) => [`machine:${machineOf(call, 'executionArn')}`],
    // An execution named by its ARN: only the machines named above are reachable (checked below).
    describe: 'none',
    stop: 'none',
    taskSucceeded: () => ['machines:signal'],
    taskFailed: () => ['machines:signal'],
  },
  SearchIndex: {
    upsert: () => ['search:write'],
    remove: () => ['search:write'],
    search: () => ['search:read'],
    count: () => ['search:read'],
  },
  // Runs in the function's own process (Tesseract and the models come with its bundle).
  TextExtractor: { extract: () => [] },
  EmailSender: { send: () => ['email'] },
  SmsSender: { send: () => ['sms'] },
  IdentityDirectory: {
    invite: () => ['users:manage'],
    setEnabled: () => ['users:manage'],
    createLogin: () => ['users:onboard'],
    setPassword: () => ['users:onboard'],
    tenantOf: () => ['users:read'],
  },
};

/** Writes that delete an item (inside a transaction): the only `dynamodb:DeleteItem` uses. */
const DELETING_FIELDS: Readonly<Record<string, string>> = {
  release: 'WriteOptions',
  removeInbox: 'DocumentWrite',
};

let checker: ts.TypeChecker;

function literalValues(type: ts.Type): string[] | undefined {
  const parts = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  for (const p of parts) {
    if (!p.isStringLiteral()) return undefined;
    values.push(p.value);
  }
  return values;
}

function where(node: ts.Node): string {
  const sf = node.getSourceFile();
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
  return `${relative(ROOT, sf.fileName)}:${line + 1}`;
}

/** The machine a `start({ machine })` or `executionArn(machine, …)` names: a string constant. */
function machineOf(call: ts.CallExpression | undefined, member: 'start' | 'executionArn'): string {
  const arg = call?.arguments[0];
  let expr: ts.Expression | undefined = arg;
  if (member === 'start' && arg && ts.isObjectLiteralExpression(arg)) {
    const prop = arg.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'machine');
    expr = prop && ts.isPropertyAssignment(prop) ? prop.initializer : undefined;
  }
  const values = expr ? literalValues(checker.getTypeAtLocation(expr)) : undefined;
  if (!values || values.length !== 1) {
    throw new Error(`${call ? where(call) : '?'}: cannot tell which state machine (use a constant)`);
  }
  return values[0]!;
}

function bucketUse(access: 'read' | 'put' | 'lockState' | 'legalHold' | 'deleteVersion'): Use {
  return (call, site) => {
    const arg = call?.arguments[0];
    if (!arg) throw new Error(`${where(site)}: an object store call the check cannot read`);
    const type = checker.getTypeAtLocation(arg);
    const prop = (name: string): ts.Type | undefined => {
      const symbol = type.getProperty(name);
      return symbol ? checker.getTypeOfSymbolAtLocation(symbol, arg) : undefined;
    };
    const bucketType = prop('bucket');
    const buckets = (bucketType && literalValues(bucketType)) ?? ['attachments', 'archive'];
    const out: Capability[] = [];
    for (const b of buckets as Array<'attachments' | 'archive' | 'intake'>) {
      out.push(`${b}:${access}`);
      if (access === 'put') {
        // Object Lock headers on the write: their own permissions.
        const given = (name: string): boolean => {
          const t = prop(name);
          return !!t && !(t.flags & ts.TypeFlags.Undefined && !t.isUnion());
        };
        if (given('retainUntil')) out.push(`${b}:retention`);
        if (given('legalHold')) out.push(`${b}:legalHold`);
      }
    }
    return out;
  };
}

/** `if (<x>.workflow)`: a branch on the container's workflow engine being there. */
function testsWorkflow(statement: ts.IfStatement): boolean {
  const e = statement.expression;
  return ts.isPropertyAccessExpression(e) && e.name.text === 'workflow';
}

function endsInReturn(statement: ts.Statement): boolean {
  const last = ts.isBlock(statement) ? statement.statements.at(-1) : statement;
  return !!last && (ts.isReturnStatement(last) || ts.isThrowStatement(last));
}

let program: ts.Program | undefined;
let containerGetters: Map<ts.Symbol, ts.Node[]>;
/** The container's members that each entry wires for itself, by the interface they implement. */
let wiredMembers: Map<ts.Symbol, string[]>;

function setUp(entries: readonly string[]): void {
  analyses.clear();
  const configFile = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  program = ts.createProgram({ rootNames: [...entries, CONTAINER_FILE], options: parsed.options });
  checker = program.getTypeChecker();

  // The container's members by the interface they implement: a used interface method of a
  // composite (alerts, approval progress, ...) leads to the getter that builds it.
  containerGetters = new Map();
  const sf = program.getSourceFile(CONTAINER_FILE)!;
  const container = sf.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Container',
  )!;
  const getContainer = sf.statements.find(
    (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === 'getContainer',
  )!;
  const members = new Map<string, ts.Node>();
  const collect = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      for (const p of node.properties) {
        if (p.name && ts.isIdentifier(p.name)) members.set(p.name.text, p);
      }
    }
    ts.forEachChild(node, collect);
  };
  collect(getContainer);
  const wiredName = sf.statements.find(
    (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'WiredName',
  )!;
  const wiredNames = new Set(literalValues(checker.getTypeFromTypeNode(wiredName.type)));
  wiredMembers = new Map();
  for (const m of container.members) {
    if (!ts.isPropertySignature(m) || !m.type || !ts.isIdentifier(m.name)) continue;
    const type = checker.getTypeFromTypeNode(m.type);
    for (const part of type.isIntersection() ? type.types : [type]) {
      const symbol = part.getSymbol();
      const member = members.get(m.name.text);
      if (symbol && wiredNames.has(m.name.text)) {
        wiredMembers.set(symbol, [...(wiredMembers.get(symbol) ?? []), m.name.text]);
        continue;
      }
      if (!symbol || !member) continue;
      containerGetters.set(symbol, [...(containerGetters.get(symbol) ?? []), member]);
    }
  }
}

const TYPE_ONLY = new Set([
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.TypeParameter,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.ImportSpecifier,
  ts.SyntaxKind.ImportClause,
  ts.SyntaxKind.NamespaceImport,
]);

interface Analysis {
  /** The capabilities the code needs, with where each is used. */
  readonly capabilities: Map<Capability, string>;
  /** The container's wired members the code uses, with where. */
  readonly uses: Map<string, string>;
  /** The adapters the entry wires. */
  readonly wires: Set<string>;
}

const analyses = new Map<string, Analysis>();

/** The capabilities the code reachable from `entry` (absolute path) needs, with where each is used. */
export function capabilitiesOf(entry: string): Map<Capability, string> {
  return analysis(entry).capabilities;
}

/** The container members the code reachable from `entry` uses, and those the entry wires. */
export function wiringOf(entry: string): { uses: Map<string, string>; wires: Set<string> } {
  return analysis(entry);
}

function analysis(entry: string): Analysis {
  const known = analyses.get(entry);
  if (known) return known;
  if (!program?.getSourceFile(entry)) throw new Error(`call capabilitiesFromCode first (${entry})`);
  const found = new Map<Capability, string>();
  /** Which declaration led to which: the path to a use, for the check's messages. */
  const via = new Map<ts.Node, ts.Node>();
  let current: ts.Node | undefined;
  const nameOf = (n: ts.Node): string => {
    const name = (n as { name?: ts.Node }).name;
    return name && ts.isIdentifier(name) ? name.text : ts.isSourceFile(n) ? relative(ROOT, n.fileName) : '?';
  };
  const add = (caps: Capability[], site: ts.Node): void => {
    const path: string[] = [];
    for (let n = current; n && path.length < 12; n = via.get(n)) path.unshift(nameOf(n));
    for (const c of caps) if (!found.has(c)) found.set(c, `${where(site)} (${path.join(' → ')})`);
  };
  const seen = new Set<ts.Node>();
  const queue: ts.Node[] = [program.getSourceFile(entry)!];
  const getContainerFn = program
    .getSourceFile(CONTAINER_FILE)!
    .statements.find((s) => ts.isFunctionDeclaration(s) && s.name?.text === 'getContainer')!;
  const enqueue = (decl: ts.Node): void => {
    if (seen.has(decl) || TYPE_ONLY.has(decl.kind)) return;
    const file = decl.getSourceFile().fileName;
    if (!file.startsWith(FUNCTIONS) || file.endsWith('.d.ts') || isAdapter(file)) return;
    if (decl === getContainerFn) return;
    // `export const email: Wiring['email'] = …`: the entry wires that adapter.
    if (
      file === ADAPTERS_FILE &&
      ts.isVariableDeclaration(decl) &&
      decl.type &&
      ts.isIndexedAccessTypeNode(decl.type)
    ) {
      for (const name of literalValues(checker.getTypeFromTypeNode(decl.type.indexType)) ?? [])
        wires.add(name);
    }
    if (current && !via.has(decl)) via.set(decl, current);
    queue.push(decl);
  };
  let namesMachine = false;
  let needsMachine: ts.Node | undefined;
  const uses = new Map<string, string>();
  const wires = new Set<string>();

  const onSymbol = (symbol: ts.Symbol, node: ts.Identifier): void => {
    for (const decl of symbol.declarations ?? []) {
      const owner = decl.parent;
      if ((ts.isMethodSignature(decl) || ts.isPropertySignature(decl)) && ts.isInterfaceDeclaration(owner)) {
        const port = PORTS[owner.name.text];
        if (port && dirname(owner.getSourceFile().fileName).startsWith(FUNCTIONS.slice(0, -1))) {
          const use = port[node.text];
          if (!use) {
            throw new Error(`${where(node)}: ${owner.name.text}.${node.text} is not classified in PORTS`);
          }
          const access = node.parent;
          const call =
            ts.isPropertyAccessExpression(access) &&
            ts.isCallExpression(access.parent) &&
            access.parent.expression === access
              ? access.parent
              : undefined;
          if (use === 'none') {
            needsMachine ??= node;
          } else {
            const caps = use(call, node);
            if (caps.some((c) => c.startsWith('machine:'))) namesMachine = true;
            add(caps, node);
          }
        }
        // A composite the container builds from itself: follow its getter.
        const iface = checker.getSymbolAtLocation(owner.name);
        for (const getter of (iface && containerGetters.get(iface)) ?? []) enqueue(getter);
        for (const name of (iface && wiredMembers.get(iface)) ?? [])
          if (!uses.has(name)) uses.set(name, where(node));
      }
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isBlock(node)) {
      // `if (deps.workflow) { …; return } <fallback>`: the fallback is for a container without a
      // workflow engine (unit tests); every Lambda has one, so it never runs there.
      for (const statement of node.statements) {
        visit(statement);
        if (ts.isIfStatement(statement) && testsWorkflow(statement) && endsInReturn(statement.thenStatement))
          break;
      }
      return;
    }
    if (ts.isIfStatement(node) && testsWorkflow(node)) {
      visit(node.expression);
      visit(node.thenStatement);
      return; // the `else` is the same fallback
    }
    if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return;
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      const name = node.name;
      if (ts.isIdentifier(name) && DELETING_FIELDS[name.text]) {
        const contextual = checker.getContextualType(node.parent as ts.ObjectLiteralExpression);
        const prop = contextual?.getProperty(name.text);
        const owners = (prop?.declarations ?? []).map((d) =>
          ts.isInterfaceDeclaration(d.parent) ? d.parent.name.text : '',
        );
        if (!contextual || owners.includes(DELETING_FIELDS[name.text]!)) add(['table:delete'], node);
      }
      if (ts.isShorthandPropertyAssignment(node)) {
        const value = checker.getShorthandAssignmentValueSymbol(node);
        if (value) for (const d of value.declarations ?? []) enqueue(d);
      }
    }
    if (ts.isIdentifier(node)) {
      let symbol = checker.getSymbolAtLocation(node);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      if (symbol) {
        onSymbol(symbol, node);
        for (const decl of symbol.declarations ?? []) {
          // A method of a class: the method only; anything else: its whole declaration.
          enqueue(decl);
        }
      }
      return;
    }
    ts.forEachChild(node, visit);
  };

  while (queue.length > 0) {
    const node = queue.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    current = node;
    if (ts.isSourceFile(node)) ts.forEachChild(node, visit);
    else visit(node);
  }
  if (needsMachine && !namesMachine) {
    throw new Error(`${where(needsMachine)}: an execution of a machine the code never names`);
  }
  const result = { capabilities: found, uses, wires };
  analyses.set(entry, result);
  return result;
}

/** Prepares the analysis of these entry files (absolute paths); ~10 s for the whole of functions/. */
export function capabilitiesFromCode(entries: readonly string[]): void {
  setUp(entries);
}
