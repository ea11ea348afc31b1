// Limits shared by every call the bot makes to a platform: each one ends within a deadline, and nothing that posts is
// retried automatically (a post accepted by the platform and then cut off would appear twice). Retries of posts
// belong to the scheduler's run table, which records what was accepted.

/** Most time one platform call may take before it is abandoned (Discord REST, Slack Web API, response_url). */
export const PLATFORM_CALL_TIMEOUT_MS = 10_000;

/** A fetch whose every request is abandoned after `timeoutMs` (combined with any signal the caller passes). */
export function fetchWithTimeout(timeoutMs = PLATFORM_CALL_TIMEOUT_MS): typeof fetch {
  return (input, init = {}) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return fetch(input, { ...init, signal });
  };
}
