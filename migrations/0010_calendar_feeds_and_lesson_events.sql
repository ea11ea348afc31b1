CREATE TABLE `calendar_feeds` (
	`community_id` integer PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_hash_unique` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE TABLE `lesson_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`lesson` integer NOT NULL,
	`generation` integer DEFAULT 1 NOT NULL,
	`event_id` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`planned_for` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lesson_events_lesson` ON `lesson_events` (`community_id`,`lesson`);--> statement-breakpoint
ALTER TABLE `communities` ADD `events_enabled` integer DEFAULT false NOT NULL;