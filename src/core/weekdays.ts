// Weekdays as people type them: "seg,ter,qua", "mon-fri", "1,3,5" (ISO: 1 = Monday … 7 = Sunday).
import type { Locale } from './i18n.ts';
import { normalize } from './text.ts';

const NAMES: Record<string, number> = {
  seg: 1,
  segunda: 1,
  mon: 1,
  monday: 1,
  ter: 2,
  terca: 2,
  tue: 2,
  tuesday: 2,
  qua: 3,
  quarta: 3,
  wed: 3,
  wednesday: 3,
  qui: 4,
  quinta: 4,
  thu: 4,
  thursday: 4,
  sex: 5,
  sexta: 5,
  fri: 5,
  friday: 5,
  sab: 6,
  sabado: 6,
  sat: 6,
  saturday: 6,
  dom: 7,
  domingo: 7,
  sun: 7,
  sunday: 7,
};

const SHORT: Record<Locale, string[]> = {
  'pt-BR': ['seg', 'ter', 'qua', 'qui', 'sex', 'sáb', 'dom'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

const dayOf = (word: string): number | undefined =>
  /^[1-7]$/.test(word) ? Number(word) : NAMES[word.replace(/-?feira$/, '')];

/** Sorted distinct ISO weekdays, or undefined when any part is not a day. */
export function parseWeekdays(text: string): number[] | undefined {
  const parts = normalize(text.replace(/-/g, ' to ').replace(/\bfeira\b/g, ''))
    .split(/\s*(?:,|\s)\s*/)
    .filter(Boolean);
  const days = new Set<number>();
  for (let i = 0; i < parts.length; i++) {
    // A range word stands only between two days ("seg a sex", "mon-fri"): "-1" or "seg-" is not a list of days.
    const day = dayOf(parts[i]!);
    if (day === undefined) return undefined;
    if (parts[i + 1] === 'to' || parts[i + 1] === 'a') {
      if (!parts[i + 2]) return undefined;
      const end = dayOf(parts[i + 2]!);
      if (end === undefined || end < day) return undefined;
      for (let d = day; d <= end; d++) days.add(d);
      i += 2;
    } else days.add(day);
  }
  return days.size ? [...days].sort((a, b) => a - b) : undefined;
}

export const formatWeekdays = (days: number[], locale: Locale) =>
  days.map((d) => SHORT[locale][d - 1]).join(', ');
