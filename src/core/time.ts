// Time helpers for the pure core: the clock is always passed in, never read here.

/** A source of "now"; platforms and tests inject one, the core only receives instants. */
export interface Clock {
  now(): Date;
}

/** True when the runtime knows this IANA timezone name. */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || /\s/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
