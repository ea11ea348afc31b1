CREATE TABLE `answer_tallies` (
	`community_id` integer NOT NULL,
	`day` integer NOT NULL,
	`question_id` text NOT NULL,
	`kind` text NOT NULL,
	`choice` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`community_id`, `day`, `question_id`, `kind`, `choice`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `answer_totals` (
	`community_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`kind` text NOT NULL,
	`choice` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`community_id`, `question_id`, `kind`, `choice`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `member_activity` (
	`community_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`last_daily_at` integer NOT NULL,
	`last_live_at` integer NOT NULL,
	`last_practice_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`answers` integer NOT NULL,
	`right` integer NOT NULL,
	PRIMARY KEY(`community_id`, `member_id`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `member_question_tallies` (
	`community_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`member_id` integer NOT NULL,
	`right` integer NOT NULL,
	`total` integer NOT NULL,
	PRIMARY KEY(`community_id`, `question_id`, `member_id`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `answers` ADD `day` integer NOT NULL DEFAULT 0;--> statement-breakpoint
-- The answers so far, counted into the rollups: bucketed by UTC day (their community-local day was not recorded),
-- voided answers (in a void's period, older than the void) left out.
UPDATE `answers` SET `day` = `answered_at` / 86400000;--> statement-breakpoint
INSERT INTO `answer_tallies` (`community_id`, `day`, `question_id`, `kind`, `choice`, `n`)
  SELECT i.`community_id`, a.`day`, i.`question_id`, i.`kind`, a.`choice`, count(*)
  FROM `answers` a JOIN `question_instances` i ON i.`id` = a.`instance_id`
  WHERE NOT EXISTS (SELECT 1 FROM `score_voids` v WHERE v.`member_id` = a.`member_id` AND a.`answered_at` < v.`created_at`
    AND (v.`period_start` IS NULL OR a.`answered_at` >= v.`period_start`) AND (v.`period_end` IS NULL OR a.`answered_at` < v.`period_end`))
  GROUP BY i.`community_id`, a.`day`, i.`question_id`, i.`kind`, a.`choice`;--> statement-breakpoint
INSERT INTO `answer_totals` (`community_id`, `question_id`, `kind`, `choice`, `n`)
  SELECT `community_id`, `question_id`, `kind`, `choice`, sum(`n`) FROM `answer_tallies`
  GROUP BY `community_id`, `question_id`, `kind`, `choice`;--> statement-breakpoint
INSERT INTO `member_question_tallies` (`community_id`, `question_id`, `member_id`, `right`, `total`)
  SELECT i.`community_id`, i.`question_id`, a.`member_id`, sum(a.`correct`), count(*)
  FROM `answers` a JOIN `question_instances` i ON i.`id` = a.`instance_id`
  WHERE NOT EXISTS (SELECT 1 FROM `score_voids` v WHERE v.`member_id` = a.`member_id` AND a.`answered_at` < v.`created_at`
    AND (v.`period_start` IS NULL OR a.`answered_at` >= v.`period_start`) AND (v.`period_end` IS NULL OR a.`answered_at` < v.`period_end`))
  GROUP BY i.`community_id`, i.`question_id`, a.`member_id`;--> statement-breakpoint
INSERT INTO `member_activity` (`community_id`, `member_id`, `last_daily_at`, `last_live_at`, `last_practice_at`,
    `last_seen_at`, `answers`, `right`)
  SELECT `community_id`, `member_id`,
    coalesce(max(`answered_at`) FILTER (WHERE NOT `voided` AND `kind` = 'daily'), 0),
    coalesce(max(`answered_at`) FILTER (WHERE NOT `voided` AND `kind` = 'live'), 0),
    coalesce(max(`answered_at`) FILTER (WHERE NOT `voided` AND `kind` = 'practice'), 0),
    max(`answered_at`), count(*) FILTER (WHERE NOT `voided`), coalesce(sum(`correct`) FILTER (WHERE NOT `voided`), 0)
  FROM (SELECT a.`member_id`, i.`kind`, i.`community_id`, a.`answered_at`, a.`correct`, EXISTS (SELECT 1 FROM `score_voids` v WHERE v.`member_id` = a.`member_id` AND a.`answered_at` < v.`created_at`
    AND (v.`period_start` IS NULL OR a.`answered_at` >= v.`period_start`) AND (v.`period_end` IS NULL OR a.`answered_at` < v.`period_end`)) AS `voided`
    FROM `answers` a JOIN `question_instances` i ON i.`id` = a.`instance_id`)
  GROUP BY `community_id`, `member_id`;