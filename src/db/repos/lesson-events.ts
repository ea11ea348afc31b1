// The scheduled events kept for lessons (Discord's Events tab): one row per community and lesson, holding the
// platform's event id and what it was last given. The row is written before the platform is called to create
// (`plan`), and its generation names the create in the run table, so a retry or a restart never makes a second one.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../open.ts';
import { writtenRow } from '../rows.ts';
import { type LessonEventRow, lessonEvents } from '../schema.ts';

/** What an event shows: its times and a fingerprint of its name and place. */
export interface LessonEventShape {
  startsAt: Date;
  endsAt: Date;
  fingerprint: string;
}

export function lessonEventRepository(db: Db) {
  return {
    /** The community's rows, by lesson number. */
    list(communityId: number): LessonEventRow[] {
      return db
        .select()
        .from(lessonEvents)
        .where(eq(lessonEvents.communityId, communityId))
        .orderBy(lessonEvents.lesson)
        .all();
    },

    /** The community's events that exist on the platform. */
    existing(communityId: number): LessonEventRow[] {
      return db
        .select()
        .from(lessonEvents)
        .where(and(eq(lessonEvents.communityId, communityId), isNotNull(lessonEvents.eventId)))
        .all();
    },

    /**
     * Records the intent to create the lesson's event (a row without an event id). The first plan of a generation
     * fixes its `plannedFor`; later plans (retries, a schedule change before it was made) keep it and the generation.
     */
    plan(communityId: number, lesson: number, shape: LessonEventShape, now: Date): LessonEventRow {
      return writtenRow(
        db
          .insert(lessonEvents)
          .values({ communityId, lesson, ...shape, plannedFor: shape.startsAt, updatedAt: now })
          .onConflictDoUpdate({
            target: [lessonEvents.communityId, lessonEvents.lesson],
            set: {
              ...shape,
              plannedFor: sql`coalesce(${lessonEvents.plannedFor}, ${shape.startsAt.getTime()})`,
              updatedAt: now,
            },
          })
          .returning()
          .all(),
      );
    },

    /** The platform made the event. */
    created(id: number, eventId: string, now: Date): void {
      db.update(lessonEvents).set({ eventId, updatedAt: now }).where(eq(lessonEvents.id, id)).run();
    },

    /** The event was edited to this shape. */
    edited(id: number, shape: LessonEventShape, now: Date): void {
      db.update(lessonEvents)
        .set({ ...shape, updatedAt: now })
        .where(eq(lessonEvents.id, id))
        .run();
    },

    /** The event was removed from the platform: a later return of the lesson creates a new one (next generation). */
    removed(id: number, now: Date): void {
      db.update(lessonEvents)
        .set({
          eventId: null,
          plannedFor: null,
          generation: sql`${lessonEvents.generation} + 1`,
          updatedAt: now,
        })
        .where(eq(lessonEvents.id, id))
        .run();
    },

    /** The lesson's row (tests, the agenda's event link). */
    find(communityId: number, lesson: number): LessonEventRow | undefined {
      return db
        .select()
        .from(lessonEvents)
        .where(and(eq(lessonEvents.communityId, communityId), eq(lessonEvents.lesson, lesson)))
        .get();
    },
  };
}

export type LessonEventRepository = ReturnType<typeof lessonEventRepository>;
