/**
 * The house rules of the code base, checked by dependency-cruiser in `npm test` (see
 * docs/architecture.md). Every rule has a planted violation in test/boundaries that must fail.
 */
const MODULE = '^functions/modules/([^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No import cycles anywhere (type-only imports included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'module-internals-are-private',
      comment: 'Another module is used only through its public face, functions/modules/<name>/index.ts.',
      severity: 'error',
      from: { path: MODULE },
      to: {
        path: '^functions/modules/[^/]+/',
        pathNot: ['^functions/modules/$1/', '^functions/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'modules-seen-from-outside-through-their-index',
      comment:
        'The API, the wiring, the platform and infra/ use a module only through its index.ts (tests may reach inside).',
      severity: 'error',
      from: { path: '^(functions/(api|wiring|platform)|infra|scripts)/' },
      to: { path: '^functions/modules/[^/]+/', pathNot: '^functions/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'domain-is-pure',
      comment:
        "A module's domain imports only its own domain, the kernel and other modules' public faces (types).",
      severity: 'error',
      from: { path: `${MODULE}domain/` },
      to: {
        pathNot: [
          '^functions/modules/$1/domain/',
          '^functions/platform/kernel/',
          '^functions/modules/[^/]+/index\\.ts$',
          '^node:',
        ],
      },
    },
    {
      name: 'domain-imports-types-only-from-other-modules',
      comment: "A domain may name another module's types, never run its code.",
      severity: 'error',
      from: { path: `${MODULE}domain/` },
      to: { path: '^functions/modules/[^/]+/index\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'usecases-take-no-http-schemas',
      comment:
        'Use cases take their own input types (or domain types): they never import the HTTP layer \u2014 a module\u2019s api/ (its zod schemas, routes and handlers), any *.schema.ts, or platform/http. The schemas depend on the use cases, not the other way round.',
      severity: 'error',
      from: { path: `${MODULE}usecases/` },
      to: {
        path: ['^functions/modules/[^/]+/api/', '\\.schema\\.ts$', '^functions/platform/http/'],
      },
    },
    {
      name: 'usecases-talk-through-ports',
      comment:
        'Use cases import their domain, ports and other modules\u2019 public faces: no adapters, no task Lambdas, no AWS SDK, no wiring, no Powertools (they log and count through ports; of the observability folder only the metric names).',
      severity: 'error',
      from: { path: `${MODULE}usecases/` },
      to: {
        path: [
          '^functions/modules/$1/(dynamodb|tasks)/',
          '^functions/platform/(adapters|streams)/',
          '^functions/platform/observability/(?!metric-names\\.ts$)',
          '^functions/(api|wiring)/',
          '^node_modules/(@aws-sdk|electrodb|@middy|@aws-lambda-powertools)/',
        ],
      },
    },
    {
      name: 'ports-are-interfaces',
      comment: "A module's ports name domain types only.",
      severity: 'error',
      from: { path: `${MODULE}ports\\.ts$` },
      to: {
        path: [
          '^functions/modules/$1/(usecases|api|dynamodb|tasks)/',
          '^functions/(api|wiring)/',
          '^functions/platform/adapters/',
        ],
      },
    },
    {
      name: 'adapters-implement-ports',
      comment: 'Adapters import ports and domain, never use cases, handlers or the wiring.',
      severity: 'error',
      from: { path: [`${MODULE}dynamodb/`, '^functions/platform/adapters/'] },
      to: {
        path: [
          '^functions/modules/[^/]+/(usecases|api|tasks)/',
          '^functions/(api|wiring)/',
          '^functions/platform/http/',
        ],
      },
    },
    {
      name: 'handlers-call-use-cases',
      comment:
        "A module's HTTP slice and task Lambdas call its use cases; the container reaches them as a parameter.",
      severity: 'error',
      from: { path: `${MODULE}(api|tasks)/` },
      to: {
        path: [
          '^functions/modules/$1/dynamodb/',
          '^functions/(api|wiring)/',
          '^functions/platform/adapters/',
        ],
      },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'The platform serves every module and imports none of them, nor the API or the wiring.',
      severity: 'error',
      from: { path: '^functions/platform/' },
      to: { path: '^functions/(modules|api|wiring)/' },
    },
    {
      name: 'functions-never-import-the-outside',
      comment: 'Running code never imports infra/, scripts/, web/ or test/.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^(infra|scripts|web|test)/' },
    },
    {
      name: 'infra-aws-reads-the-route-table',
      comment:
        'The CDK app reads the route table and the platform\u2019s route types, not modules or the wiring.',
      severity: 'error',
      from: { path: '^infra/aws/' },
      to: { path: ['^functions/(modules|wiring)/', '^infra/local/'] },
    },
    {
      name: 'infra-local-never-reaches-aws-infra',
      comment: 'The embedded default and the CDK app are separate: neither imports the other.',
      severity: 'error',
      from: { path: '^infra/local/' },
      to: { path: '^infra/aws/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: ['^web/out', '^web/\\.next', '^cdk\\.out', '^test/boundaries/fixture'],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
