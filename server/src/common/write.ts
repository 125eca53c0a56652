import { conflict } from './errors.js';

/**
 * Refuses a change made from a stale copy. The flush that follows checks the version again in its
 * `UPDATE … WHERE version = ?`, so two writers racing past this check still cannot both win.
 */
export function expectVersion(entity: { version: number }, version: number): void {
  if (entity.version !== version) throw conflict();
}
