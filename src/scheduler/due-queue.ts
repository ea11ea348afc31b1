// Keeps the due queue (due_posts) in step with the communities: what a community's due rows stand for (the posts to
// look at now), where its rows move after a tick, after /config, and for everyone when the class calendar changed
// (in slices that yield to the event loop). The scheduler claims, posts and records; this only says what and when.
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { PlannedPost, PostKind } from '../core/schedule-plan.ts';
import type { Clock } from '../core/time.ts';
import type { Repositories } from '../db/repositories.ts';
import type { CommunityRow, ScheduledRunRow } from '../db/schema.ts';
import type { DueCommunity, NextPosts } from '../db/repos/due.ts';
import { isScheduled, type Planner } from './planner.ts';

/** How far back posts missed while the bot was down are still looked at (older ones are not caught up). */
export const CATCH_UP_MS = 7 * 86_400_000;
/** Communities re-planned between two yields to the event loop when the calendar changed. */
export const REPLAN_SLICE = 200;
const FINGERPRINT = 'calendar-fingerprint';

type LastOf = (c: CommunityRow, kind: PostKind) => Date | undefined;

export class DueQueue {
  constructor(
    private readonly repos: Repositories,
    private readonly planner: Planner,
    private readonly clock: Clock,
  ) {}

  /** Whether the queue was planned from the class calendar (and rules, and default timezone) in use now. */
  isCurrent(): boolean {
    return this.repos.due.state(FINGERPRINT) === this.planner.fingerprint();
  }

  /** Every community's next posts from where its runs left off, in slices that let interactions through. */
  async replanAll(): Promise<number> {
    const { due, runs } = this.repos;
    due.clearAll();
    let count = 0;
    for (let afterId = 0; ;) {
      const page = due.scheduledAfter(afterId, REPLAN_SLICE);
      if (page.length === 0) break;
      const now = this.clock.now();
      const last = runs.lastOfKinds(page[0]!.id, page.at(-1)!.id);
      const lastOf: LastOf = (c, kind) => last.get(`${c.id}:${kind}`);
      due.setMany(page.map((c) => ({ communityId: c.id, next: this.nextFromRuns(c, now, lastOf) })));
      count += page.length;
      afterId = page.at(-1)!.id;
      await yieldToEvents();
    }
    due.setState(FINGERPRINT, this.planner.fingerprint());
    return count;
  }

  /** Re-plans one community from its runs (its settings changed, or it was re-planned while posting). */
  replan(community: CommunityRow, now: Date): void {
    this.repos.due.set(community.id, this.nextFromRuns(community, now));
  }

  /**
   * The posts a community's due rows stand for at `now`, oldest first: of each due kind, from its row's instant on,
   * never before the catch-up window or the instant its posts were switched on. None for a community no longer
   * scheduled (paused, no channel): its rows are dropped.
   */
  postsDue({ community, due }: DueCommunity, now: Date): readonly PlannedPost[] {
    if (!isScheduled(community)) {
      this.repos.due.clear(community.id);
      return [];
    }
    const cursor = new Map(due.map((d) => [d.kind, d.nextAt.getTime()]));
    const earliest = Math.min(...cursor.values());
    const since = Math.max(now.getTime() - CATCH_UP_MS, community.activeSince?.getTime() ?? 0, earliest - 1);
    return this.planner
      .plan(community, new Date(since), now, [...cursor.keys()])
      .filter((p) => p.at.getTime() >= cursor.get(p.kind)!);
  }

  /** Moves the kinds just handled past `now`, with the community's settings as they are now. */
  advance(communityId: number, kinds: PostKind[], now: Date, replannedMeanwhile: boolean): void {
    const fresh = this.repos.communities.byId(communityId);
    if (!fresh) return;
    // /config re-planned it while its posts went out: plan again from its runs, which include those posts.
    if (replannedMeanwhile) return this.replan(fresh, now);
    const next = this.planner.nextAll(fresh, () => now);
    this.repos.due.set(communityId, Object.fromEntries(kinds.map((k) => [k, next[k]])));
  }

  /** Looks at these rows again at `later` (their planning failed; the error was logged). */
  postpone(communityId: number, kinds: PostKind[], later: Date): void {
    this.repos.due.set(communityId, Object.fromEntries(kinds.map((k) => [k, later])) as NextPosts);
  }

  /** The planned post a failed run was for, if the community still owes it with its settings of now. */
  postOfRun(community: CommunityRow, run: ScheduledRunRow): PlannedPost | undefined {
    if (!isScheduled(community) || run.kind === 'event') return undefined;
    const at = run.scheduledFor;
    return this.planner
      .plan(community, new Date(at.getTime() - 1), at, [run.kind])
      .find((p) => p.target === run.target);
  }

  /**
   * Where a community's posts resume: per kind, the first post after its latest run, never before the catch-up
   * window or the instant its posts were switched on (the run table skips or dedupes anything older).
   */
  private nextFromRuns(
    community: CommunityRow,
    now: Date,
    lastOf: LastOf = (c, kind) => this.repos.runs.lastOfKind(c.id, kind),
  ): NextPosts {
    const floor = Math.max(now.getTime() - CATCH_UP_MS, community.activeSince?.getTime() ?? 0);
    return this.planner.nextAll(
      community,
      (kind) => new Date(Math.max(floor, lastOf(community, kind)?.getTime() ?? 0)),
    );
  }
}
