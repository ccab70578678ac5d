// What each GraphQL object type is resolved from: our own rows and domain values, not GraphQL shapes.
import type { MessageRow, NotificationRow, PostRow, TaskRow, UserRow, UserSummaryRow } from "../db/contract.ts";
import type { AuthPayload } from "../domain/auth.ts";
import type { FollowOutcome } from "../domain/follows.ts";
import type { DeletedPost } from "../domain/posts.ts";
import type { Connection } from "../domain/pagination.ts";

/** A whole row (a profile, the viewer) or a summary (authors, pages of users): the User resolvers read the rest by id when asked. */
export type UserModel = UserRow | UserSummaryRow;
export type PostModel = PostRow;
export type PostConnectionModel = Connection<PostRow>;
export type UserConnectionModel = Connection<UserModel>;
export type AuthPayloadModel = AuthPayload;
export type DeletePostPayloadModel = DeletedPost;
export type FollowPayloadModel = FollowOutcome;
export type MessageModel = MessageRow;
export type MessageConnectionModel = Connection<MessageRow>;
export type NotificationModel = NotificationRow;
export type TaskModel = TaskRow;
export type TaskConnectionModel = Connection<TaskRow>;
