import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
// The module rules as eslint.config.js applies them (a plain ES module at the repository's top).
// @ts-expect-error: a JavaScript config file without types
import { UNSCOPED_READS, serverModuleRules } from '../../eslint.modules.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...serverModuleRules],
});

/** The rules that fire on `code` as if it were the file at `path`. */
async function fired(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('the server’s module rules (eslint.modules.js)', () => {
  it('refuse a direct em.find of a scoped entity in a service, and allow it through the scoped path', async () => {
    const path = 'server/src/modules/screening/example.service.ts';
    for (const call of ['ctx.em.find(Petition, {})', 'em.findOne(Dispute, { id })', 'ctx.em.findAndCount(Unit, {}, {})', 'em.findOneOrFail(User, { id })']) {
      expect(await fired(path, `${call};`), call).toContain('no-restricted-syntax');
    }
    expect(await fired(path, 'scopedAll(ctx, Dispute, "Dispute", { orderBy: { id: "asc" } }); em.find(ScreeningEvent, {});')).toEqual([]);
  });

  it('allow the unscoped reads only in the files named for them, the receipt page among them', async () => {
    expect(Object.keys(UNSCOPED_READS)).toContain('server/src/modules/petition/receipt.service.ts');
    expect(await fired('server/src/modules/petition/receipt.service.ts', 'em.findOne(Petition, { receiptCode });')).toEqual([]);
    expect(await fired('server/src/modules/petition/petition.queries.ts', 'em.findOne(Petition, { receiptCode });')).toContain('no-restricted-syntax');
  });

  it('refuse another module’s entity, table or service, and allow its index', async () => {
    const path = 'server/src/modules/screening/example.ts';
    expect(await fired(path, "import { Petition } from '../petition/petition.entity.js';")).toContain('no-restricted-imports');
    expect(await fired(path, "import { PetitionQueries } from '../petition/petition.queries.js';")).toContain('no-restricted-imports');
    expect(await fired(path, "import { readableByIds } from '../petition/index.js';")).toEqual([]);
    expect(await fired(path, "import { Dispute } from './screening.entity.js'; import { readOne } from '../../common/access.js';")).toEqual([]);
    expect(await fired('server/src/common/example.ts', "import { Unit } from '../modules/unit/unit.entity.js';")).toContain('no-restricted-imports');
  });

  it('let the figures module read other modules’ entities, and nothing else of theirs', async () => {
    const path = 'server/src/modules/figures/example.ts';
    expect(await fired(path, "import { Petition } from '../petition/petition.entity.js';")).toEqual([]);
    expect(await fired(path, "import { PetitionWorkflow } from '../petition/petition.workflow.js';")).toContain('no-restricted-imports');
  });

  it('keep the figures module read-only and its reads scoped', async () => {
    const path = 'server/src/modules/figures/example.service.ts';
    expect(await fired(path, 'await scopedCount(ctx, Petition, "Petition", { where });')).toEqual([]);
    expect(await fired(path, 'em.persist(row); await em.flush();')).toEqual(['no-restricted-syntax', 'no-restricted-syntax']);
    expect(await fired(path, 'await em.nativeUpdate(Petition, {}, { isBacklog: true });')).toContain('no-restricted-syntax');
    expect(await fired(path, 'await em.find(Petition, {});')).toContain('no-restricted-syntax');
  });
});
