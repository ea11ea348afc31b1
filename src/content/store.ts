// The content store: the loaded course plus what is derived from it once (the glossary search index, the class
// calendar, and the calendars of communities that moved their first class).
import { buildSchedule, type ScheduledLesson } from '../core/calendar.ts';
import { GlossaryIndex } from '../core/glossary-search.ts';
import { isRealLocalDate } from '../core/time.ts';
import { loadContent } from './load.ts';
import type { Content, GlossaryEntry, Lesson } from './schemas.ts';

export interface ContentStore extends Content {
  glossaryIndex: GlossaryIndex<GlossaryEntry>;
  /** The course calendar. */
  schedule: ScheduledLesson<Lesson>[];
  /** The calendar of a community that moved its first class (`/config schedule`); the course's when undefined. */
  scheduleFor(firstClass: string | null | undefined): ScheduledLesson<Lesson>[];
}

/** Loads and validates the content folder (ContentError listing every problem) and derives the store. */
export function loadContentStore(dir: string): ContentStore {
  const content = loadContent(dir);
  const schedule = buildSchedule(content.course, content.lessons);
  const moved = new Map<string, ScheduledLesson<Lesson>[]>();
  return {
    ...content,
    glossaryIndex: new GlossaryIndex(content.glossary),
    schedule,
    scheduleFor(firstClass) {
      // A first class stored before settings were validated (year 0000) falls back to the course's own calendar.
      if (!firstClass || !isRealLocalDate(firstClass)) return schedule;
      let found = moved.get(firstClass);
      if (!found) {
        found = buildSchedule(
          { ...content.course, calendar: { ...content.course.calendar, firstClass } },
          content.lessons,
        );
        moved.set(firstClass, found);
      }
      return found;
    },
  };
}
