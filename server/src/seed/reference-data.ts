import type { EntityManager } from '@mikro-orm/postgresql';
import { PETITION_CATEGORIES } from '@xinfang/domain';
import { seedCalendar } from '../modules/calendar/calendar.service.js';
import { PetitionCategory } from '../modules/reference/category.entity.js';
import { Unit } from '../modules/unit/unit.entity.js';

/**
 * Reference data every installation has, written on every start when missing: the category code
 * table, and each county's holiday calendar (the State Council's days, 2024–2026).
 */
export async function seedReferenceData(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const existing = new Set((await tx.find(PetitionCategory, {})).map((c) => c.code));
    PETITION_CATEGORIES.forEach((c, i) => {
      if (!existing.has(c.code)) tx.persist(Object.assign(new PetitionCategory(), { code: c.code, name: c.name, sortOrder: i }));
    });
    await tx.flush();
    for (const county of await tx.find(Unit, { kind: 'COUNTY' })) await seedCalendar(tx, county.id);
  });
}
