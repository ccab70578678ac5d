-- Full-text search of posts (src/db/dialects/sqlite/search.ts): an FTS5 index of each post's body,
-- keyed by the post's id. Contentless: the bodies stay in `posts` only, and a post's entry is deleted
-- by its id. Words are cut at anything that is not a letter, digit, mark or private-use character,
-- folded to lower case without accents, then to their English stem (Porter's): FTS5 has no stemmer
-- for other languages, so every post is indexed as English whatever its `language`.
CREATE VIRTUAL TABLE `posts_search` USING fts5(
	`body`,
	content = '',
	contentless_delete = 1,
	tokenize = 'porter unicode61 remove_diacritics 2 categories ''L* N* Co M*'''
);
--> statement-breakpoint
INSERT INTO `posts_search` (`rowid`, `body`) SELECT `id`, `body` FROM `posts`;
--> statement-breakpoint
-- Kept by triggers in the writing transaction, whoever writes: the API, a bulk load, or a cascade
-- from a deleted user.
CREATE TRIGGER `posts_search_insert` AFTER INSERT ON `posts` BEGIN
	INSERT INTO `posts_search` (`rowid`, `body`) VALUES (new.`id`, new.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `posts_search_delete` AFTER DELETE ON `posts` BEGIN
	DELETE FROM `posts_search` WHERE `rowid` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_search_update` AFTER UPDATE OF `id`, `body` ON `posts` BEGIN
	DELETE FROM `posts_search` WHERE `rowid` = old.`id`;
	INSERT INTO `posts_search` (`rowid`, `body`) VALUES (new.`id`, new.`body`);
END;
