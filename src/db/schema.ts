// The single source of truth for the database; `npm run db:generate` turns changes into a migration.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Instants are set from the injected clock, never by SQLite's own wall clock.
const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull();
// The owning community and member of a row; deleting either deletes the row.
const communityRef = () =>
  integer('community_id')
    .notNull()
    .references(() => communities.id, { onDelete: 'cascade' });
const memberRef = () =>
  integer('member_id')
    .notNull()
    .references(() => members.id, { onDelete: 'cascade' });

/** A Discord guild, a Slack workspace, or the local shell; settings default to the course's. */
export const communities = sqliteTable(
  'communities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform', { enum: ['discord', 'slack', 'shell'] }).notNull(),
    externalId: text('external_id').notNull(),
    name: text('name'),
    timezone: text('timezone'),
    locale: text('locale', { enum: ['pt-BR', 'en'] }),
    announceChannelId: text('announce_channel_id'),
    /** Where the monitors' pre-class digest goes (`/config digest`); null: no digest. */
    digestChannelId: text('digest_channel_id'),
    /** Local time (HH:MM) of the daily question and the ISO weekdays (1 = Monday) it runs on. */
    quizTime: text('quiz_time').notNull().default('09:00'),
    quizDays: text('quiz_days', { mode: 'json' }).$type<number[]>().notNull().default([1, 2, 3, 4, 5]),
    /** Minutes before class: the agenda post, and each pre-class reminder. */
    agendaLeadMinutes: integer('agenda_lead_minutes').notNull().default(1440),
    reminderLeadsMinutes: text('reminder_leads_minutes', { mode: 'json' })
      .$type<number[]>()
      .notNull()
      .default([60]),
    paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
    /** This community's first class (local date-time), replacing the course calendar's; the weekly rhythm follows. */
    firstClass: text('first_class'),
    /** When automated posts were last switched on (channel set, or resumed): catch-up never reaches before it. */
    activeSince: integer('active_since', { mode: 'timestamp_ms' }),
    /** Discord only (`/config events`): the bot keeps a guild scheduled event per lesson of the next weeks. */
    eventsEnabled: integer('events_enabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('communities_platform_external').on(t.platform, t.externalId)],
);

/** A person in a community, known by their platform user id. */
export const members = sqliteTable(
  'members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communityId: communityRef(),
    externalId: text('external_id').notNull(),
    displayName: text('display_name').notNull(),
    locale: text('locale', { enum: ['pt-BR', 'en'] }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('members_community_external').on(t.communityId, t.externalId),
    index('members_community').on(t.communityId),
  ],
);

export type CommunityRow = typeof communities.$inferSelect;
export type MemberRow = typeof members.$inferSelect;

/** One asking of a question: the community's daily question, a live-round question, or one learner's practice card. */
export const questionInstances = sqliteTable(
  'question_instances',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communityId: communityRef(),
    kind: text('kind', { enum: ['daily', 'live', 'practice'] }).notNull(),
    questionId: text('question_id').notNull(),
    channelId: text('channel_id').notNull(),
    /** The learner a practice card belongs to; null for daily and live questions. */
    ownerId: integer('owner_id').references(() => members.id, { onDelete: 'cascade' }),
    liveSessionId: integer('live_session_id').references(() => liveSessions.id, { onDelete: 'cascade' }),
    /** The community-local day (YYYY-MM-DD) a daily question belongs to, for streaks. */
    dayKey: text('day_key'),
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }).notNull(),
    closesAt: integer('closes_at', { mode: 'timestamp_ms' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /** Platform reference of the posted message (channel/message ids), to edit or thread it. */
    messageRef: text('message_ref'),
  },
  (t) => [
    index('instances_community_kind').on(t.communityId, t.kind, t.openedAt),
    index('instances_owner').on(t.ownerId),
    index('instances_live_session').on(t.liveSessionId),
    // One question's askings in a community (/insights question).
    index('instances_question').on(t.communityId, t.questionId),
    // What the period's aggregates read of an answer's question, without the row (/insights).
    index('instances_insights').on(t.id, t.communityId, t.kind, t.questionId),
    // A question is used as the daily at most once per community.
    uniqueIndex('instances_daily_once')
      .on(t.communityId, t.questionId)
      .where(sql`kind = 'daily'`),
  ],
);

/** A member's answer; the UNIQUE pair makes the first answer the only one that counts. */
export const answers = sqliteTable(
  'answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    instanceId: integer('instance_id')
      .notNull()
      .references(() => questionInstances.id, { onDelete: 'cascade' }),
    memberId: memberRef(),
    choice: text('choice').notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull(),
    /** Milliseconds from the question opening to the answer (live rounds' speed bonus). */
    elapsedMs: integer('elapsed_ms').notNull(),
    /**
     * The community-local day of the answer (days since 1970-01-01 of its local date), fixed when it is written: the
     * bucket of answer_tallies it was counted in, so a void takes it out of the same bucket. Answers written before
     * the rollups existed are bucketed by their UTC day.
     */
    day: integer('day').notNull(),
  },
  (t) => [
    uniqueIndex('answers_first_only').on(t.instanceId, t.memberId),
    // Covering the member's right answers too: a member's accuracy (the item–rest correlation) reads no rows.
    index('answers_member').on(t.memberId, t.answeredAt, t.correct),
    // A period's answers without touching the table (/insights): covering what the aggregates read.
    index('answers_period').on(t.answeredAt, t.instanceId, t.memberId, t.correct, t.choice),
  ],
);

const answerKind = () => text('kind', { enum: ['daily', 'live', 'practice'] }).notNull();

/**
 * The monitors' counts, kept in the answer's own transaction (src/db/repos/answer-rollups.ts) so /insights reads
 * what a period holds instead of its answers: answers per community, local day, question, kind and letter. Voided
 * answers are taken out when the void is made. Rebuildable from answers. The rollup tables are created WITHOUT ROWID
 * (edited into their migration: one B-tree per table, clustered by the key the reads range over).
 */
export const answerTallies = sqliteTable(
  'answer_tallies',
  {
    communityId: communityRef(),
    day: integer('day').notNull(),
    questionId: text('question_id').notNull(),
    kind: answerKind(),
    choice: text('choice').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.day, t.questionId, t.kind, t.choice] })],
);

/** answer_tallies summed over all days: the all-time counts in one row per question, kind and letter. */
export const answerTotals = sqliteTable(
  'answer_totals',
  {
    communityId: communityRef(),
    questionId: text('question_id').notNull(),
    kind: answerKind(),
    choice: text('choice').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.questionId, t.kind, t.choice] })],
);

/** Per member and question, counted answers and right ones: the item side of the item–rest correlation, all time. */
export const memberQuestionTallies = sqliteTable(
  'member_question_tallies',
  {
    communityId: communityRef(),
    questionId: text('question_id').notNull(),
    memberId: memberRef(),
    right: integer('right').notNull(),
    total: integer('total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.questionId, t.memberId] })],
);

/**
 * Per member: the last counted answer of each kind (0 when none counts), how many answers (and right ones) count, and
 * the last answer at all, voided or not. Who was active since a day, who stopped answering, and each member's accuracy
 * (the item–rest correlation) read these rows, not answers. Instants in epoch milliseconds.
 */
export const memberActivity = sqliteTable(
  'member_activity',
  {
    communityId: communityRef(),
    memberId: memberRef(),
    lastDailyAt: integer('last_daily_at').notNull(),
    lastLiveAt: integer('last_live_at').notNull(),
    lastPracticeAt: integer('last_practice_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    answers: integer('answers').notNull(),
    right: integer('right').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.memberId] })],
);

/** Moderation: an admin voided a member's points for a period. The events stay; they point here. */
export const scoreVoids = sqliteTable(
  'score_voids',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    voidedBy: text('voided_by').notNull(),
    reason: text('reason'),
    periodStart: integer('period_start', { mode: 'timestamp_ms' }),
    periodEnd: integer('period_end', { mode: 'timestamp_ms' }),
    points: integer('points').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('score_voids_member').on(t.memberId)],
);

/** The append-only points ledger: every point ever given, with what it was for. */
export const scoreEvents = sqliteTable(
  'score_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communityId: communityRef(),
    memberId: memberRef(),
    kind: text('kind', { enum: ['daily', 'streak', 'live', 'speed', 'practice', 'reflection'] }).notNull(),
    points: integer('points').notNull(),
    /** What earned it (`answer:123`, `reflection:4`); unique per kind, so a retry can never score twice. */
    ref: text('ref').notNull(),
    createdAt: createdAt(),
    voidId: integer('void_id').references(() => scoreVoids.id),
  },
  (t) => [
    uniqueIndex('score_events_ref').on(t.kind, t.ref),
    index('score_events_period').on(t.communityId, t.createdAt, t.memberId, t.points, t.voidId),
    index('score_events_member').on(t.memberId, t.createdAt),
  ],
);

/** Running all-time totals per member, kept in step with the ledger in the same transactions (rebuildable from it). */
export const memberTotals = sqliteTable(
  'member_totals',
  {
    memberId: integer('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    communityId: communityRef(),
    points: integer('points').notNull(),
  },
  (t) => [index('member_totals_rank').on(t.communityId, t.points)],
);

/** A learner's FSRS card for one question. */
export const fsrsCards = sqliteTable(
  'fsrs_cards',
  {
    memberId: memberRef(),
    questionId: text('question_id').notNull(),
    due: integer('due', { mode: 'timestamp_ms' }).notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    state: integer('state').notNull(),
    lastReview: integer('last_review', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.questionId] }), index('fsrs_cards_due').on(t.memberId, t.due)],
);

/** Every FSRS review, as ts-fsrs logs it. */
export const reviewLogs = sqliteTable(
  'review_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: memberRef(),
    questionId: text('question_id').notNull(),
    answerId: integer('answer_id').references(() => answers.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    state: integer('state').notNull(),
    due: integer('due', { mode: 'timestamp_ms' }).notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    review: integer('review', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('review_logs_member').on(t.memberId, t.review)],
);

/** A live round in a channel; at most one running per channel. */
export const liveSessions = sqliteTable(
  'live_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communityId: communityRef(),
    channelId: text('channel_id').notNull(),
    startedBy: text('started_by').notNull(),
    /** Question ids in asking order, as JSON. */
    questionIds: text('question_ids', { mode: 'json' }).$type<string[]>().notNull(),
    seconds: integer('seconds').notNull(),
    position: integer('position').notNull().default(0),
    status: text('status', { enum: ['running', 'finished', 'stopped'] }).notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('live_sessions_one_running')
      .on(t.communityId, t.channelId)
      .where(sql`status = 'running'`),
  ],
);

/**
 * What the scheduler did: one row per post (kind + community + target + scheduled time, UNIQUE), so a restart, a
 * second tick or a retry never posts twice.
 */
export const scheduledRuns = sqliteTable(
  'scheduled_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communityId: communityRef(),
    kind: text('kind', { enum: ['agenda', 'reminder', 'daily', 'board', 'digest', 'event'] }).notNull(),
    /**
     * What the post is about: `lesson:3`, `lesson:3:60` (reminder lead), `day:2026-11-24`, `week:2026-11-16`;
     * for a scheduled event's creation, `lesson:3:g1` (the lesson's event generation).
     */
    target: text('target').notNull(),
    scheduledFor: integer('scheduled_for', { mode: 'timestamp_ms' }).notNull(),
    status: text('status', { enum: ['posting', 'done', 'failed', 'skipped'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    messageRef: text('message_ref'),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('scheduled_runs_key').on(t.communityId, t.kind, t.target, t.scheduledFor),
    // Retries due now, interrupted posts at start: found without reading every run ever made.
    index('scheduled_runs_pending').on(t.status, t.nextAttemptAt),
  ],
);

export type ScheduledRunRow = typeof scheduledRuns.$inferSelect;

/**
 * The scheduler's due queue: per community and post kind, the instant of the next post still to look at. Only an
 * index of what a tick reads (`next_at <= now`); the run table above stays the record of what was posted.
 */
export const duePosts = sqliteTable(
  'due_posts',
  {
    communityId: communityRef(),
    kind: text('kind', { enum: ['agenda', 'reminder', 'daily', 'board', 'digest'] }).notNull(),
    nextAt: integer('next_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.kind] }), index('due_posts_next_at').on(t.nextAt)],
);

/** Small facts the scheduler keeps between runs (the fingerprint of the calendar the due queue was planned from). */
export const schedulerState = sqliteTable('scheduler_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** A learner's pre-class reflection: one per member and lesson, editable until class starts. */
export const reflections = sqliteTable(
  'reflections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communityId: communityRef(),
    memberId: memberRef(),
    lesson: integer('lesson').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('reflections_one_per_lesson').on(t.communityId, t.memberId, t.lesson),
    index('reflections_lesson').on(t.communityId, t.lesson),
  ],
);

export type ReflectionRow = typeof reflections.$inferSelect;
export type QuestionInstanceRow = typeof questionInstances.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type ScoreEventRow = typeof scoreEvents.$inferSelect;
export type FsrsCardRow = typeof fsrsCards.$inferSelect;
export type LiveSessionRow = typeof liveSessions.$inferSelect;

/**
 * Members who have opened their home (Slack's App Home tab): only their home is republished after an answer, so the
 * cost of keeping homes fresh follows the members who look at one. At most one row per member.
 */
export const homeViews = sqliteTable('home_views', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id, { onDelete: 'cascade' }),
  openedAt: integer('opened_at', { mode: 'timestamp_ms' }).notNull(),
});

/** One row that /healthz rewrites, to prove the database still commits writes (a full disk or a read-only file fails it). */
export const healthProbe = sqliteTable('health_probe', {
  id: integer('id').primaryKey(),
  checkedAt: integer('checked_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Why a member reported a question (the form's choices). */
export const REPORT_REASONS = ['wrong-key', 'ambiguous', 'typo', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/**
 * A member's report of a problem with a question: one per member and question (UNIQUE); reporting again while it is
 * open updates it, and reporting a resolved one reopens it. Monitors resolve reports; who and when is recorded.
 */
export const questionReports = sqliteTable(
  'question_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communityId: communityRef(),
    memberId: memberRef(),
    questionId: text('question_id').notNull(),
    reason: text('reason', { enum: REPORT_REASONS }).notNull(),
    /** The member's own words (bounded at the edge), or null. */
    text: text('text'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    /** The platform user id of the monitor who resolved it. */
    resolvedBy: text('resolved_by'),
  },
  (t) => [
    uniqueIndex('question_reports_one_per_member').on(t.communityId, t.questionId, t.memberId),
    index('question_reports_open')
      .on(t.communityId, t.createdAt)
      .where(sql`resolved_at IS NULL`),
    // A member's recent reports (the per-member rate limit of /report).
    index('question_reports_member').on(t.memberId, t.updatedAt),
  ],
);

export type QuestionReportRow = typeof questionReports.$inferSelect;

/**
 * A community's calendar feed (`/calendar/<token>.ics`): the token, unguessable, is shown to admins by /config calendar;
 * requests are looked up by its SHA-256 hash, so the lookup's timing says nothing about the token.
 */
export const calendarFeeds = sqliteTable('calendar_feeds', {
  communityId: integer('community_id')
    .primaryKey()
    .references(() => communities.id, { onDelete: 'cascade' }),
  token: text('token').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

/**
 * The platform scheduled event kept for a lesson (Discord's Events tab): its id once created, the times it was last
 * given, and a generation that moves on each time the event is removed, so a lesson that comes back gets a new one.
 */
export const lessonEvents = sqliteTable(
  'lesson_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communityId: communityRef(),
    lesson: integer('lesson').notNull(),
    generation: integer('generation').notNull().default(1),
    /** The platform's event id; null until created, and again after it was removed. */
    eventId: text('event_id'),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    /** What the event shows (name, place), to tell whether an edit is due. */
    fingerprint: text('fingerprint').notNull(),
    /** The run key's instant of this generation's create (the lesson's start when first planned); null once removed. */
    plannedFor: integer('planned_for', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('lesson_events_lesson').on(t.communityId, t.lesson)],
);

export type LessonEventRow = typeof lessonEvents.$inferSelect;
