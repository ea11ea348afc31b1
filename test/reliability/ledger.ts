// What the kill -9 tests read back from the database after a restart: answers, and whether anything was booked twice.
import type Database from 'better-sqlite3';

export function ledgerOf(read: Database.Database) {
  const count = (sql: string) => read.prepare(sql).pluck().get() as number;
  return {
    answers: count('select count(*) from answers'),
    scoredTwice: count(
      'select count(*) from (select kind, ref from score_events group by kind, ref having count(*) > 1)',
    ),
    rightAnswers: count('select count(*) from answers where correct = 1'),
    dailyEvents: count("select count(*) from score_events where kind = 'daily'"),
  };
}

/** The platform ids of members with an answer to a daily question. */
export function dailyAnswerers(read: Database.Database): Set<string> {
  return new Set(
    read
      .prepare(
        "select m.external_id from answers a join members m on m.id = a.member_id join question_instances q on q.id = a.instance_id where q.kind = 'daily'",
      )
      .pluck()
      .all() as string[],
  );
}
