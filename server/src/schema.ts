import 'reflect-metadata';
import { buildSchema, type AuthChecker } from 'type-graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { RequestContext } from './common/context.js';
import { guardArguments } from './common/argument-guard.js';
import { unauthenticated } from './common/errors.js';
import { AuthResolver } from './modules/auth/auth.resolver.js';
import { UnitResolver } from './modules/unit/unit.resolver.js';
import { UserResolver } from './modules/user/user.resolver.js';
import { PetitionResolver } from './modules/petition/petition.resolver.js';
import { CaseResolver } from './modules/petition/petition.cases.resolver.js';
import { CalendarResolver } from './modules/calendar/calendar.resolver.js';
import { ReferenceResolver } from './modules/reference/reference.resolver.js';
import { NotificationResolver } from './modules/notification/notification.resolver.js';
import { DisputeResolver, PetitionDisputesResolver, ScreeningResolver } from './modules/screening/screening.resolver.js';
import { FiguresResolver } from './modules/figures/figures.resolver.js';
import { AssessmentObjectionResolver, AssessmentResolver, AssessmentResultResolver, AssessmentVetoResolver, CommendationResolver } from './modules/assessment/assessment.resolver.js';
import {
  AccountabilityResolver,
  CircularResolver,
  ConferenceItemResolver,
  ConferenceResolver,
  ConferenceTaskResolver,
  NotificationLinksResolver,
  PetitionSupervisionResolver,
  SupervisionOrderResolver,
} from './modules/supervision/supervision.resolver.js';

export const RESOLVERS = [AuthResolver, UnitResolver, UserResolver, PetitionResolver, CaseResolver, ReferenceResolver, CalendarResolver, ScreeningResolver, DisputeResolver, PetitionDisputesResolver, NotificationResolver,
  SupervisionOrderResolver, CircularResolver, AccountabilityResolver, ConferenceResolver, ConferenceItemResolver, ConferenceTaskResolver, NotificationLinksResolver, PetitionSupervisionResolver,
  FiguresResolver,
  AssessmentResolver, AssessmentResultResolver, AssessmentVetoResolver, AssessmentObjectionResolver, CommendationResolver,
] as const;

/**
 * `@Authorized()` means "signed in"; what a signed-in user may do is the services' business, asked of
 * the CASL ability. A request whose token has expired is told so, so the portal can say it.
 */
const authChecker: AuthChecker<RequestContext> = ({ context }) => {
  if (context.user) return true;
  if (context.tokenProblem === 'SESSION_EXPIRED') throw unauthenticated('Your session has expired; sign in again.', { reason: 'SESSION_EXPIRED' });
  throw unauthenticated();
};

/**
 * Builds the executable schema from the resolvers, every argument checked for text that cannot be
 * stored (common/argument-guard.ts) before any resolver runs.
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...RESOLVERS],
    authChecker,
    validate: { forbidUnknownValues: false },
  });
  return guardArguments(schema);
}

/** The SDL as committed in schema/schema.graphql: sorted, so that a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
