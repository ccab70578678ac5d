// Live events are executed once per document and shared between subscribers, unless the document
// selects a field whose value depends on who asks (src/graphql/shared-execution.ts). Every field a
// subscription can reach is classified here: a new one fails this test until someone decides.
import { buildSchema, getNamedType, isInterfaceType, isObjectType, type GraphQLNamedType } from "graphql";
import { describe, expect, it } from "vitest";
import { VIEWER_FIELDS } from "../../src/graphql/shared-execution.ts";
import { typeDefs } from "../../src/graphql/schema.ts";

/** The same for every viewer: shared. */
const SAME_FOR_EVERYONE = [
  "Message.body", "Message.id", "Message.recipient", "Message.sender", "Message.timestamp",
  "NewFollowerNotification.follower", "NewFollowerNotification.id", "NewFollowerNotification.timestamp",
  "Notification.id", "Notification.timestamp",
  "PageInfo.endCursor", "PageInfo.hasNextPage", "PageInfo.hasPreviousPage", "PageInfo.startCursor",
  "Post.author", "Post.body", "Post.id", "Post.language", "Post.timestamp",
  "PostConnection.edges", "PostConnection.nodes", "PostConnection.pageInfo", "PostConnection.totalCount",
  "PostEdge.cursor", "PostEdge.node",
  // A task reaches its owner alone (their notification, their own list): the same for whoever sees it.
  "Task.complete", "Task.createdAt", "Task.description", "Task.downloadUrl", "Task.error", "Task.id", "Task.name", "Task.progress",
  "TaskConnection.edges", "TaskConnection.nodes", "TaskConnection.pageInfo", "TaskConnection.totalCount",
  "TaskEdge.cursor", "TaskEdge.node",
  "TaskProgressNotification.id", "TaskProgressNotification.task", "TaskProgressNotification.timestamp",
  "UnreadMessagesNotification.count", "UnreadMessagesNotification.id", "UnreadMessagesNotification.timestamp",
  "User.aboutMe", "User.avatar", "User.followerCount", "User.followers", "User.following", "User.followingCount",
  "User.id", "User.lastSeen", "User.postCount", "User.posts", "User.username",
  "UserConnection.edges", "UserConnection.nodes", "UserConnection.pageInfo", "UserConnection.totalCount",
  "UserEdge.cursor", "UserEdge.node",
];

/** Every field of every type a subscription's selection can reach. */
function reachableFields(): string[] {
  const schema = buildSchema(typeDefs);
  const seen = new Set<string>();
  const fields: string[] = [];
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    const implementations = isInterfaceType(type) ? schema.getPossibleTypes(type) : [];
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        fields.push(`${type.name}.${field.name}`);
        visit(getNamedType(field.type));
      }
    }
    for (const implementation of implementations) visit(implementation);
  };
  for (const field of Object.values(schema.getSubscriptionType()!.getFields())) visit(getNamedType(field.type));
  return fields.sort();
}

describe("which fields a live event's subscribers share", () => {
  it("classifies every field a subscription can reach: the same for everyone, or the viewer's own", () => {
    expect(reachableFields()).toEqual([...SAME_FOR_EVERYONE, ...VIEWER_FIELDS].sort());
  });
});
