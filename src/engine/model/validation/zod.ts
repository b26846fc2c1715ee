// Connects the API server's checks to the zod schemas: a string field whose value breaks a
// rule gets the API's own `Invalid value: "x": ...` message, one per problem.
import { z } from 'zod';
import { invalid } from './field-errors';

export const checked = (check: (value: string) => string[]) =>
  z.string().superRefine((value, ctx) => {
    for (const m of check(value)) ctx.addIssue({ code: 'custom', message: invalid(value, m) });
  });
