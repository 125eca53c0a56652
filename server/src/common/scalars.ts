import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate } from '@xinfang/domain';

/**
 * The days an argument may name. Beyond them no petition, deadline or screening period has a
 * meaning, and the calendar arithmetic (a deadline 60 working days on, a period's due day) would
 * leave the four-digit years that dates are written and stored in.
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2999-12-31';

const invalid = (value: unknown) =>
  new GraphQLError(`"${String(value)}" is not a calendar date written YYYY-MM-DD.`, { extensions: { code: 'BAD_USER_INPUT' } });
const outOfRange = (value: string) =>
  new GraphQLError(`"${value}" is not between ${FIRST_DATE} and ${LAST_DATE}.`, { extensions: { code: 'BAD_USER_INPUT', min: FIRST_DATE, max: LAST_DATE } });

/** A date argument: a real day, written YYYY-MM-DD, between FIRST_DATE and LAST_DATE. */
function parseDate(value: string): string {
  if (!isCalendarDate(value)) throw invalid(value);
  if (value < FIRST_DATE || value > LAST_DATE) throw outOfRange(value);
  return value;
}

/**
 * A calendar date in Asia/Shanghai, written `YYYY-MM-DD`: receipt dates and deadlines are days, not
 * instants, and travel as the same string everywhere.
 */
export const CalendarDateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date in Asia/Shanghai, YYYY-MM-DD.',
  serialize(value) {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    if (!isCalendarDate(text)) throw invalid(value);
    return text;
  },
  parseValue(value) {
    if (typeof value !== 'string') throw invalid(value);
    return parseDate(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid(ast.kind);
    return parseDate(ast.value);
  },
});
