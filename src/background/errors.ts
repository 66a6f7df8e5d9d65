/**
 * The errors a handler throws to refuse a request in the reader's words, and the reply each becomes. Their own part
 * because the handlers' helpers (saving, user data, the capture queue) throw them as well as the handler table, and
 * `handle` in ./service.ts turns each into its `Reply` in one place.
 */
import { NOTHING_CHANGED, type ReplacedSource, type Reply } from '../messaging';
import { describeError } from '../store';

/** An error meant for the reader, as opposed to a bug. */
export class UserFacingError extends Error {}

/**
 * Refused, and the reader's data left as it was: `why` alone goes in the reply's `unchanged` (a page words the rest
 * itself); the message is `nothing was changed: why`, or after `what` (`import failed, nothing was changed:` and the
 * reasons a line each).
 */
export class NothingChanged extends UserFacingError {
  constructor(
    readonly why: string,
    what = '',
  ) {
    super(what ? `${what}, ${NOTHING_CHANGED}:\n${why}` : `${NOTHING_CHANGED}: ${why}`);
  }
}

/** Refused until the reader confirms replacing what they added (the reply lists it). */
export class ConfirmReplace extends UserFacingError {
  constructor(
    message: string,
    readonly replaces: ReplacedSource[],
  ) {
    super(message);
  }
}

/** The reply to a request of type `requestType` whose handler threw `error`: the reader's words, else what failed. */
export function errorReply(error: unknown, requestType: string): Reply<never> {
  if (error instanceof ConfirmReplace) return { ok: false, error: error.message, replaces: error.replaces };
  if (error instanceof NothingChanged) return { ok: false, error: error.message, unchanged: error.why };
  if (error instanceof UserFacingError) return { ok: false, error: error.message };
  return { ok: false, error: `${requestType} failed: ${describeError(error)}` };
}
