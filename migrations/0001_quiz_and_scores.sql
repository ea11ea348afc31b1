CREATE TABLE `answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instance_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`choice` text NOT NULL,
	`correct` integer NOT NULL,
	`answered_at` integer NOT NULL,
	`elapsed_ms` integer NOT NULL,
	FOREIGN KEY (`instance_id`) REFERENCES `question_instances`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answers_first_only` ON `answers` (`instance_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `answers_member` ON `answers` (`member_id`,`answered_at`);--> statement-breakpoint
CREATE TABLE `fsrs_cards` (
	`member_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`due` integer NOT NULL,
	`stability` real NOT NULL,
	`difficulty` real NOT NULL,
	`elapsed_days` integer NOT NULL,
	`scheduled_days` integer NOT NULL,
	`learning_steps` integer NOT NULL,
	`reps` integer NOT NULL,
	`lapses` integer NOT NULL,
	`state` integer NOT NULL,
	`last_review` integer,
	PRIMARY KEY(`member_id`, `question_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fsrs_cards_due` ON `fsrs_cards` (`member_id`,`due`);--> statement-breakpoint
CREATE TABLE `live_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`channel_id` text NOT NULL,
	`started_by` text NOT NULL,
	`question_ids` text NOT NULL,
	`seconds` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_sessions_one_running` ON `live_sessions` (`community_id`,`channel_id`) WHERE status = 'running';--> statement-breakpoint
CREATE TABLE `member_totals` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`community_id` integer NOT NULL,
	`points` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_totals_rank` ON `member_totals` (`community_id`,`points`);--> statement-breakpoint
CREATE TABLE `question_instances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`kind` text NOT NULL,
	`question_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`owner_id` integer,
	`live_session_id` integer,
	`day_key` text,
	`late` integer DEFAULT false NOT NULL,
	`opened_at` integer NOT NULL,
	`closes_at` integer,
	`closed_at` integer,
	`message_ref` text,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`live_session_id`) REFERENCES `live_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `instances_community_kind` ON `question_instances` (`community_id`,`kind`,`opened_at`);--> statement-breakpoint
CREATE INDEX `instances_owner` ON `question_instances` (`owner_id`);--> statement-breakpoint
CREATE INDEX `instances_live_session` ON `question_instances` (`live_session_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `instances_daily_once` ON `question_instances` (`community_id`,`question_id`) WHERE kind = 'daily';--> statement-breakpoint
CREATE TABLE `review_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`answer_id` integer,
	`rating` integer NOT NULL,
	`state` integer NOT NULL,
	`due` integer NOT NULL,
	`stability` real NOT NULL,
	`difficulty` real NOT NULL,
	`scheduled_days` integer NOT NULL,
	`review` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_logs_member` ON `review_logs` (`member_id`,`review`);--> statement-breakpoint
CREATE TABLE `score_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`points` integer NOT NULL,
	`ref` text NOT NULL,
	`created_at` integer NOT NULL,
	`void_id` integer,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`void_id`) REFERENCES `score_voids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_events_ref` ON `score_events` (`kind`,`ref`);--> statement-breakpoint
CREATE INDEX `score_events_period` ON `score_events` (`community_id`,`created_at`,`member_id`,`points`,`void_id`);--> statement-breakpoint
CREATE INDEX `score_events_member` ON `score_events` (`member_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `score_voids` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`voided_by` text NOT NULL,
	`reason` text,
	`period_start` integer,
	`period_end` integer,
	`points` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
