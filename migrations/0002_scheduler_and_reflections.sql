CREATE TABLE `reflections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`lesson` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reflections_one_per_lesson` ON `reflections` (`community_id`,`member_id`,`lesson`);--> statement-breakpoint
CREATE INDEX `reflections_lesson` ON `reflections` (`community_id`,`lesson`);--> statement-breakpoint
CREATE TABLE `scheduled_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`scheduled_for` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`message_ref` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scheduled_runs_key` ON `scheduled_runs` (`community_id`,`kind`,`target`,`scheduled_for`);--> statement-breakpoint
ALTER TABLE `communities` ADD `quiz_time` text DEFAULT '09:00' NOT NULL;--> statement-breakpoint
ALTER TABLE `communities` ADD `quiz_days` text DEFAULT '[1,2,3,4,5]' NOT NULL;--> statement-breakpoint
ALTER TABLE `communities` ADD `agenda_lead_minutes` integer DEFAULT 1440 NOT NULL;--> statement-breakpoint
ALTER TABLE `communities` ADD `reminder_leads_minutes` text DEFAULT '[60]' NOT NULL;--> statement-breakpoint
ALTER TABLE `communities` ADD `paused` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `communities` ADD `active_since` integer;