// The module rules of the server (docs/architecture.md, "The module pattern"), kept apart from
// eslint.config.js so that server/src/lint.spec.ts can prove each one fails on a violation.

/** Entities whose rows are scoped by the rules of @xinfang/permissions. */
export const SCOPED_ENTITIES = [
  'Unit', 'User', 'Petition', 'ScreeningReport', 'Dispute', 'ScreeningRule', 'AuditRecord', 'Notification',
  'Conference', 'ConferenceTask', 'SupervisionOrder', 'Circular', 'AccountabilityRecord',
  'AssessmentScheme', 'AssessmentResult', 'AssessmentVeto', 'AssessmentObjection', 'Commendation',
];

const READS = ['find', 'findOne', 'findOneOrFail', 'findAndCount', 'findAll', 'findByCursor'];

/**
 * The reads of scoped entities that are unscoped by design, each for its reason. Everything else
 * reads them through readOne / readMaybe / scopedPage / scopedAll / scopedCount / scopedExport
 * (server/src/common/access.ts), which always AND the caller's scope into the query.
 */
export const UNSCOPED_READS = {
  // The public receipt page: the petitioner has no account; the receipt code is the credential.
  'server/src/modules/petition/receipt.service.ts': 'the public receipt page',
  // Ids and flags that other records depend on whoever asks (a final matter, a collective visit).
  'server/src/modules/petition/petition.links.ts': 'facts about petitions that carry nothing of them',
  // The names and places of the units a row names, which every reader of the row may know.
  'server/src/modules/unit/unit.directory.ts': 'the unit directory',
  // The county's leaders by name (a hard case's responsible leader, the leader to choose).
  'server/src/modules/user/user.directory.ts': 'the county’s leaders by name',
  // The caller's own account (me, changing one's own password).
  'server/src/modules/user/own-account.ts': 'the caller’s own account',
  // The deadlines the daily sweep warns of (ids and days), and a conference's day and title for a task's owner.
  'server/src/modules/supervision/supervision.deadlines.ts': 'deadlines and conference headings',
  // Sign-in and the session check run before there is an ability to scope by.
  'server/src/modules/auth/auth.service.ts': 'sign-in',
};

const scopedRead = {
  selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${READS.join('|')})$/][arguments.0.type='Identifier'][arguments.0.name=/^(${SCOPED_ENTITIES.join('|')})$/]`,
  message: 'Read a scoped entity through readOne / readMaybe / scopedPage / scopedAll / scopedCount (common/access.ts): a direct em.find forgets the caller’s scope.',
};

export const scopedReadRule = {
  files: ['server/src/**/*.ts'],
  ignores: ['server/src/common/access.ts', ...Object.keys(UNSCOPED_READS), 'server/src/seed/**', 'server/src/scripts/**', 'server/src/db/**', 'server/src/migrations/**', 'server/src/testing/**', '**/*.spec.ts'],
  rules: { 'no-restricted-syntax': ['error', scopedRead] },
};

/** What would make the figures module write: it only reads. */
const WRITES = ['persist', 'persistAndFlush', 'flush', 'remove', 'removeAndFlush', 'nativeUpdate', 'nativeDelete', 'insert', 'insertMany', 'upsert', 'upsertMany', 'transactional', 'assign'];

/** The server's modules, each a folder of server/src/modules with an index.ts. */
export const MODULES = ['assessment', 'audit', 'auth', 'calendar', 'figures', 'notification', 'petition', 'reference', 'screening', 'supervision', 'unit', 'user'];

const SURFACE = 'Import another module only from its index.ts (its surface), never its entities, tables or services.';

/** Inside a module: another module only through its index.js. */
export const moduleSurfaceRules = MODULES.map((name) => ({
  files: [`server/src/modules/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ regex: `^\\.\\./(?!${name}/|\\.\\./)[^/]+/(?!index\\.js$)`, message: SURFACE }] }],
  },
}));

/**
 * The figures module reads across modules by design (docs/architecture.md): it may import other
 * modules' entities to aggregate over them in SQL, read-only, and nothing else of theirs.
 */
export const figuresRule = {
  files: ['server/src/modules/figures/**/*.ts'],
  ignores: ['**/*.spec.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      scopedRead,
      { selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${WRITES.join('|')})$/]`, message: 'The figures module reads; it never writes (docs/architecture.md, the module pattern).' },
    ],
    'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./(?!figures/|\\.\\./)[^/]+/(?!index\\.js$)(?![^/]+\\.entity\\.js$)', message: 'The figures module may import other modules’ index.ts and entities (read-only), nothing else.' }] }],
  },
};

/** The shared code under common/ uses the modules only through their surfaces too. */
export const commonRule = {
  files: ['server/src/common/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./modules/[^/]+/(?!index\\.js$)', message: SURFACE }] }],
  },
};

export const serverModuleRules = [scopedReadRule, ...moduleSurfaceRules, figuresRule, commonRule];
