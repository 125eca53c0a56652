import { abilityFromPackedRules, createAbility, type AppAbility } from '@xinfang/permissions';

/** The packed CASL rules as the server sends them in the sign-in answer. */
export type PackedRules = Parameters<typeof abilityFromPackedRules>[0];

/**
 * The one ability of the portal. It is updated in place on sign-in and sign-out, never replaced, so
 * that @casl/vue's reactive wrapper (menus, routes, buttons) follows every change.
 */
export const ability: AppAbility = createAbility([]);

/** Replaces the ability's rules by the packed rules of a session (or by none). */
export function applyPackedRules(target: AppAbility, packed: PackedRules | null): void {
  target.update(packed ? abilityFromPackedRules(packed).rules : []);
}
