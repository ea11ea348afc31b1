// Source references of course content, as authors write them ("001_….txt § Section; § Other; general: …") and as
// learners read them: the material's title instead of the file name, and a plain label for knowledge beyond it.
import type { Translate } from './i18n.ts';

/** One cited place: a section of a course material (a seed file), knowledge beyond the material, or neither. */
export type SourcePart =
  | { kind: 'material'; file: string; section?: string }
  | { kind: 'general'; note: string }
  | { kind: 'other'; text: string };

/** Titles of the course materials by file name (`materials` in content/course.yaml). */
export type MaterialTitles = Readonly<Record<string, string>>;

/** The prefix that marks general MLOps knowledge beyond the course material. */
export const GENERAL_SOURCE_PREFIX = 'general:';

const FILE_PART = /^([^\s;§]+\.txt)(?:\s*§\s*([\s\S]*))?$/;
// A new part starts at "; §", "; general:" or "; <file>.txt"; any other semicolon belongs to the text around it.
const PART_BOUNDARY = /;\s*(?=§|general:|[^\s;§]+\.txt(?:\s|§|$))/i;

/** Splits a `source` into its parts; "§ Section" alone continues the file named before it. */
export function parseSource(source: string): SourcePart[] {
  let file: string | undefined;
  const parts: SourcePart[] = [];
  for (const raw of source.split(PART_BOUNDARY)) {
    const part = raw.trim();
    if (!part) continue;
    if (part.toLowerCase().startsWith(GENERAL_SOURCE_PREFIX)) {
      parts.push({ kind: 'general', note: part.slice(GENERAL_SOURCE_PREFIX.length).trim() });
      continue;
    }
    if (part.startsWith('§') && file) {
      const section = part.slice(1).trim();
      parts.push({ kind: 'material', file, ...(section ? { section } : {}) });
      continue;
    }
    const m = FILE_PART.exec(part);
    if (m) {
      file = m[1]!;
      const section = m[2]?.trim();
      parts.push({ kind: 'material', file, ...(section ? { section } : {}) });
      continue;
    }
    parts.push({ kind: 'other', text: part });
  }
  return parts;
}

/**
 * A source as a learner reads it: "Material da Aula 2 — … § Section; § Other section", general knowledge as one
 * localised label. A file without a title (content:check refuses it) still never shows its name.
 */
export function renderSource(source: string, materials: MaterialTitles, t: Translate): string {
  const out: string[] = [];
  let previousFile: string | undefined;
  let generalShown = false;
  for (const part of parseSource(source)) {
    if (part.kind === 'general') {
      if (!generalShown) out.push(t('source.general'));
      generalShown = true;
      previousFile = undefined;
    } else if (part.kind === 'other') {
      out.push(part.text);
      previousFile = undefined;
    } else {
      const title = Object.hasOwn(materials, part.file) ? materials[part.file]! : t('source.material');
      const section = part.section ? `§ ${part.section}` : '';
      out.push(part.file === previousFile && section ? section : [title, section].filter(Boolean).join(' '));
      previousFile = part.file;
    }
  }
  return out.join('; ');
}
