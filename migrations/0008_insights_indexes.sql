DROP INDEX `answers_member`;--> statement-breakpoint
CREATE INDEX `answers_period` ON `answers` (`answered_at`,`instance_id`,`member_id`,`correct`,`choice`);--> statement-breakpoint
CREATE INDEX `answers_member` ON `answers` (`member_id`,`answered_at`,`correct`);--> statement-breakpoint
ALTER TABLE `communities` ADD `digest_channel_id` text;--> statement-breakpoint
CREATE INDEX `instances_question` ON `question_instances` (`community_id`,`question_id`);--> statement-breakpoint
CREATE INDEX `instances_insights` ON `question_instances` (`id`,`community_id`,`kind`,`question_id`);--> statement-breakpoint
CREATE INDEX `score_voids_member` ON `score_voids` (`member_id`);