/** The body of every refusal or failure of the API. */
import { z } from 'zod';

/**
 * `{ error: { code, message, details? } }`: the code (an `ErrorCode`), a message in the caller's language, and for
 * a refusal the details behind it (counts, dates, the roles allowed).
 */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string().min(1).max(100),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
