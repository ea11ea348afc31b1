/** Why an expected failure happened: a closed set, for metrics, tests and logs (never to decide what to do next). */
export type UserErrorCode =
  | 'admin-only'
  | 'bot-lacks'
  | 'closed'
  | 'daily-open'
  | 'empty-term'
  | 'lesson-ambiguous'
  | 'lesson-not-found'
  | 'live-running'
  | 'no-daily'
  | 'no-lesson'
  | 'no-lessons'
  | 'no-live'
  | 'not-enough'
  | 'not-configured'
  | 'not-found'
  | 'not-your-card'
  | 'rate-limited'
  | 'stale-button'
  | 'too-long'
  | 'too-short'
  | 'unknown-command'
  | 'unknown-member'
  | 'usage'
  | 'wrong-platform';

/** An expected failure (unknown term, not an admin, question closed): its message is shown privately, as is. */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const isUserError = (e: unknown): e is UserError => e instanceof UserError;
