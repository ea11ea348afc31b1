// All repositories over one database: domain verbs only, no SQL outside src/db.
import type Database from 'better-sqlite3';
import type { Db } from './open.ts';
import { WriteBatcher } from './write-batcher.ts';
import { answerRollups } from './repos/answer-rollups.ts';
import { calendarFeedRepository } from './repos/calendar-feeds.ts';
import { communityRepository } from './repos/communities.ts';
import { dueRepository } from './repos/due.ts';
import { homeViewRepository } from './repos/home-views.ts';
import { insightsRepository } from './repos/insights.ts';
import { lessonEventRepository } from './repos/lesson-events.ts';
import { liveRepository } from './repos/live.ts';
import { practiceRepository } from './repos/practice.ts';
import { quizRepository } from './repos/quiz.ts';
import { reflectionRepository } from './repos/reflections.ts';
import { reportRepository } from './repos/reports.ts';
import { runRepository } from './repos/runs.ts';
import { scoreRepository } from './repos/scores.ts';

export function createRepositories(db: Db, sqlite: Database.Database) {
  const rollups = answerRollups(db, sqlite);
  const scores = scoreRepository(db, rollups);
  return {
    communities: communityRepository(db),
    quiz: quizRepository(db, scores, rollups, new WriteBatcher(sqlite)),
    scores,
    practice: practiceRepository(db),
    live: liveRepository(db),
    runs: runRepository(db),
    due: dueRepository(db),
    reflections: reflectionRepository(db),
    reports: reportRepository(db),
    homeViews: homeViewRepository(db),
    insights: insightsRepository(db, sqlite),
    // Kept in step by quiz and scores; `rebuild` recounts them from the answers.
    rollups,
    calendarFeeds: calendarFeedRepository(db),
    lessonEvents: lessonEventRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
