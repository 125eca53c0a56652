import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate } from '@xinfang/domain';

const invalid = (value: unknown) =>
  new GraphQLError(`"${String(value)}" is not a calendar date written YYYY-MM-DD.`, { extensions: { code: 'BAD_USER_INPUT' } });

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
    if (typeof value !== 'string' || !isCalendarDate(value)) throw invalid(value);
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isCalendarDate(ast.value)) throw invalid(ast.kind === Kind.STRING ? ast.value : ast.kind);
    return ast.value;
  },
});
