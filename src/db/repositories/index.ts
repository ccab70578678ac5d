import type { Repositories, Statements } from "../contract.ts";
import { followsRepository } from "./follows.ts";
import { messagesRepository } from "./messages.ts";
import { notificationsRepository } from "./notifications.ts";
import { postsRepository } from "./posts.ts";
import { passwordResetsRepository, tasksRepository } from "./tasks.ts";
import { tokensRepository } from "./tokens.ts";
import { usersRepository } from "./users.ts";

/** The repositories, written once, over the statements of whichever engine. */
export function repositories(statements: Statements): Repositories {
  return {
    users: usersRepository(statements.users),
    posts: postsRepository(statements.posts),
    follows: followsRepository(statements.follows),
    tokens: tokensRepository(statements.tokens),
    messages: messagesRepository(statements.messages),
    notifications: notificationsRepository(statements.notifications),
    tasks: tasksRepository(statements.tasks),
    passwordResets: passwordResetsRepository(statements.passwordResets),
  };
}
