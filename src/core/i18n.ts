// The bot's own words in pt-BR (default) and en (catalogues in ./locales). Course content stays in the language it
// was written in.
import { en } from './locales/en.ts';
import { ptBR } from './locales/pt-BR.ts';

export const LOCALES = ['pt-BR', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (v: string): v is Locale => (LOCALES as readonly string[]).includes(v);

/** Maps a platform locale ("pt-BR", "pt", "en-US", "en-GB") to ours, or undefined when we have none. */
export function matchLocale(v: string | undefined): Locale | undefined {
  if (!v) return undefined;
  const lower = v.toLowerCase();
  if (lower.startsWith('pt')) return 'pt-BR';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

export type MessageKey = keyof typeof ptBR;

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'pt-BR': ptBR, en };

/** Translates a key, filling {placeholders}. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const template = catalog[key];
    return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : template;
  };
}

/** A text given in every locale (command descriptions, option descriptions). */
export type Localized = Record<Locale, string>;
