import type { EntityManager } from '@mikro-orm/postgresql';
import { sweepNotifications } from './modules/notification/index.js';
import { SUPERVISION_DEADLINES } from './modules/supervision/index.js';

/**
 * The daily warning sweep with every module's deadlines: petitions' (the notification module reads
 * them itself), supervision orders' and conference tasks'. Composed here, above the modules, so that
 * the notification module need not know the modules that tell through it (docs/architecture.md, "Jobs").
 */
export const dailySweep = (em: EntityManager, day?: string): Promise<number | null> => sweepNotifications(em, day, SUPERVISION_DEADLINES);
