// Pre-class reflections: one per member and lesson (UNIQUE), written or edited until the class starts.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../open.ts';
import { writtenRow } from '../rows.ts';
import { members, type ReflectionRow, reflections } from '../schema.ts';

export function reflectionRepository(db: Db) {
  return {
    /** Saves or replaces the member's reflection for a lesson; `created` tells a first one from an edit. */
    save(input: { communityId: number; memberId: number; lesson: number; text: string; now: Date }): {
      row: ReflectionRow;
      created: boolean;
    } {
      const existing = db
        .select()
        .from(reflections)
        .where(
          and(
            eq(reflections.communityId, input.communityId),
            eq(reflections.memberId, input.memberId),
            eq(reflections.lesson, input.lesson),
          ),
        )
        .get();
      const row = db
        .insert(reflections)
        .values({ ...input, createdAt: input.now, updatedAt: input.now })
        .onConflictDoUpdate({
          target: [reflections.communityId, reflections.memberId, reflections.lesson],
          set: { text: input.text, updatedAt: input.now },
        })
        .returning()
        .all();
      return { row: writtenRow(row), created: !existing };
    },

    /** The reflections of a lesson with their authors, oldest first. */
    forLesson(communityId: number, lesson: number): { name: string; text: string; updatedAt: Date }[] {
      return db
        .select({ name: members.displayName, text: reflections.text, updatedAt: reflections.updatedAt })
        .from(reflections)
        .innerJoin(members, eq(members.id, reflections.memberId))
        .where(and(eq(reflections.communityId, communityId), eq(reflections.lesson, lesson)))
        .orderBy(asc(reflections.createdAt))
        .all();
    },

    countByMember(memberId: number): number {
      return db
        .select({ n: sql<number>`count(*)` })
        .from(reflections)
        .where(eq(reflections.memberId, memberId))
        .get()!.n;
    },
  };
}
