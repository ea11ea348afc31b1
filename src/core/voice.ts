// How the bot speaks to a community and reads its clock: the member's own platform locale first (where the platform
// tells it), then the community's choice, then the deployment's default; its timezone likewise. One rule for
// replies (src/bot), bot-initiated posts (src/quiz) and scheduled posts (src/scheduler).
import { type Locale, type Translate, translator } from './i18n.ts';

export interface Voice {
  locale: Locale;
  timezone: string;
  t: Translate;
}

export function voiceOf(
  community: { locale: Locale | null; timezone: string | null } | undefined,
  defaults: { locale: Locale; timezone: string },
  memberLocale?: Locale,
): Voice {
  const locale = memberLocale ?? community?.locale ?? defaults.locale;
  return { locale, timezone: community?.timezone ?? defaults.timezone, t: translator(locale) };
}
