CREATE TABLE `due_posts` (
	`community_id` integer NOT NULL,
	`kind` text NOT NULL,
	`next_at` integer NOT NULL,
	PRIMARY KEY(`community_id`, `kind`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `due_posts_next_at` ON `due_posts` (`next_at`);--> statement-breakpoint
CREATE TABLE `scheduler_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `scheduled_runs_pending` ON `scheduled_runs` (`status`,`next_attempt_at`);