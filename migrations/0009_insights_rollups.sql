CREATE TABLE `answer_tallies` (
	`community_id` integer NOT NULL,
	`day` integer NOT NULL,
	`question_id` text NOT NULL,
	`kind` text NOT NULL,
	`choice` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`community_id`, `day`, `question_id`, `kind`, `choice`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `answer_totals` (
	`community_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`kind` text NOT NULL,
	`choice` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`community_id`, `question_id`, `kind`, `choice`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `member_activity` (
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`community_id` integer NOT NULL,
	`last_at` integer NOT NULL,
	`answers` integer NOT NULL,
	`right` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	PRIMARY KEY(`member_id`, `kind`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_activity_recent` ON `member_activity` (`community_id`,`last_at`,`kind`,`member_id`);--> statement-breakpoint
CREATE INDEX `member_activity_member` ON `member_activity` (`community_id`,`member_id`,`last_seen_at`);--> statement-breakpoint
CREATE TABLE `member_question_tallies` (
	`community_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`member_id` integer NOT NULL,
	`right` integer NOT NULL,
	`total` integer NOT NULL,
	PRIMARY KEY(`community_id`, `question_id`, `member_id`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_question_tallies_member` ON `member_question_tallies` (`member_id`);--> statement-breakpoint
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
INSERT INTO `member_activity` (`member_id`, `kind`, `community_id`, `last_at`, `answers`, `right`, `last_seen_at`)
  SELECT `member_id`, `kind`, `community_id`, coalesce(max(`answered_at`) FILTER (WHERE NOT `voided`), 0),
    count(*) FILTER (WHERE NOT `voided`), coalesce(sum(`correct`) FILTER (WHERE NOT `voided`), 0), max(`answered_at`)
  FROM (SELECT a.`member_id`, i.`kind`, i.`community_id`, a.`answered_at`, a.`correct`, EXISTS (SELECT 1 FROM `score_voids` v WHERE v.`member_id` = a.`member_id` AND a.`answered_at` < v.`created_at`
    AND (v.`period_start` IS NULL OR a.`answered_at` >= v.`period_start`) AND (v.`period_end` IS NULL OR a.`answered_at` < v.`period_end`)) AS `voided`
    FROM `answers` a JOIN `question_instances` i ON i.`id` = a.`instance_id`)
  GROUP BY `member_id`, `kind`, `community_id`;--> statement-breakpoint
INSERT INTO `member_question_tallies` (`community_id`, `question_id`, `member_id`, `right`, `total`)
  SELECT i.`community_id`, i.`question_id`, a.`member_id`, sum(a.`correct`), count(*)
  FROM `answers` a JOIN `question_instances` i ON i.`id` = a.`instance_id`
  WHERE NOT EXISTS (SELECT 1 FROM `score_voids` v WHERE v.`member_id` = a.`member_id` AND a.`answered_at` < v.`created_at`
    AND (v.`period_start` IS NULL OR a.`answered_at` >= v.`period_start`) AND (v.`period_end` IS NULL OR a.`answered_at` < v.`period_end`))
  GROUP BY i.`community_id`, i.`question_id`, a.`member_id`;
