/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How `searchPosts` orders its matches. */
export type PostSearchOrder =
  /** Most recently published first. */
  | 'NEWEST'
  /** Best match first (the database's ranking); equally good matches newest first. */
  | 'RELEVANCE';

export type RegisterInput = {
  /** A valid address of at most 120 characters; unique regardless of case. */
  email: string;
  /** 8 to 128 characters. */
  password: string;
  /** 1 to 64 letters, digits, '_', '.' or '-'; unique regardless of case. */
  username: string;
};

/** Absent fields are left as they are. */
export type UpdateProfileInput = {
  /** Trimmed; at most 140 characters. Null or empty clears it. */
  aboutMe?: string | null | undefined;
  /** Registration's rules apply; null leaves it as it is. Changing only its case is allowed. */
  username?: string | null | undefined;
};

export type BenchLoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type BenchLoginMutation = { login: { token: string } };

export type BenchRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type BenchRegisterMutation = { register: { token: string, user: { id: string } } };

export type ExploreQueryVariables = Exact<{ [key: string]: never; }>;


export type ExploreQuery = { posts: { nodes: Array<{ id: string, body: string, timestamp: string, author: { username: string, avatar: string } }> } };

export type FeedQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type FeedQuery = { feed: { nodes: Array<{ id: string, body: string, timestamp: string, author: { username: string, avatar: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ProfileQueryVariables = Exact<{
  username: string;
}>;


export type ProfileQuery = { user: { aboutMe: string | null, followerCount: number, followingCount: number, postCount: number, posts: { nodes: Array<{ body: string, timestamp: string }> } } | null };

export type UsersQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersQuery = { users: { nodes: Array<{ username: string, followerCount: number, followingCount: number, postCount: number, viewerIsFollowing: boolean }> } };

export type SearchPostsPageQueryVariables = Exact<{
  query: string;
  order: PostSearchOrder;
}>;


export type SearchPostsPageQuery = { searchPosts: { nodes: Array<{ id: string, body: string, timestamp: string, author: { username: string, avatar: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type MentionCompletionQueryVariables = Exact<{
  prefix: string;
}>;


export type MentionCompletionQuery = { searchUsers: Array<{ username: string, avatar: string }> };

export type InboxQueryVariables = Exact<{ [key: string]: never; }>;


export type InboxQuery = { messages: { nodes: Array<{ id: string, body: string, timestamp: string, sender: { username: string, avatar: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type SendMessageMutationVariables = Exact<{
  to: string;
  body: string;
}>;


export type SendMessageMutation = { sendMessage: { id: string, timestamp: string } };

export type CreatePostMutationVariables = Exact<{
  body: string;
}>;


export type CreatePostMutation = { createPost: { id: string, timestamp: string } };

export type AbuseRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type AbuseRegisterMutation = { register: { user: { username: string } } };

export type AbuseMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AbuseMeQuery = { me: { id: string } | null };

export type ApolloClientRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type ApolloClientRegisterMutation = { register: { token: string, user: { id: string, username: string } } };

export type ApolloClientCreatePostMutationVariables = Exact<{
  body: string;
}>;


export type ApolloClientCreatePostMutation = { createPost: { id: string, body: string } };

export type ApolloClientProfileQueryVariables = Exact<{
  username: string;
}>;


export type ApolloClientProfileQuery = { user: { id: string, username: string, followerCount: number, postCount: number } | null };

export type ApolloClientMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ApolloClientMeQuery = { me: { id: string, username: string, followingCount: number } | null };

export type ApolloClientFollowMutationVariables = Exact<{
  username: string;
}>;


export type ApolloClientFollowMutation = { follow: { user: { id: string, followerCount: number }, viewer: { id: string, followingCount: number } } };

export type ApolloClientFeedQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ApolloClientFeedQuery = { feed: { edges: Array<{ cursor: string, node: { id: string, body: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ApolloClientDeletePostMutationVariables = Exact<{
  id: string | number;
}>;


export type ApolloClientDeletePostMutation = { deletePost: { deletedPostId: string, author: { id: string, postCount: number } } };

export type ApolloClientExploreQueryVariables = Exact<{ [key: string]: never; }>;


export type ApolloClientExploreQuery = { posts: { edges: Array<{ node: { id: string, body: string } }> } };

export type AuthRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type AuthRegisterMutation = { register: { token: string, user: { id: string, username: string, email: string | null } } };

export type AuthLoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type AuthLoginMutation = { login: { token: string, user: { username: string } } };

export type AuthMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthMeQuery = { me: { username: string, email: string | null } | null };

export type AuthLogin2MutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type AuthLogin2Mutation = { login: { user: { email: string | null } } };

export type AuthPostsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthPostsQuery = { posts: { totalCount: number } };

export type AuthLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type AuthLogoutMutation = { logout: boolean };

export type ClientErrorsRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type ClientErrorsRegisterMutation = { register: { token: string } };

export type ClientErrorsUpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type ClientErrorsUpdateProfileMutation = { updateProfile: { username: string } };

export type ClientErrorsChangePasswordMutationVariables = Exact<{
  current: string;
  new: string;
}>;


export type ClientErrorsChangePasswordMutation = { changePassword: boolean };

export type ClientErrorsLoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type ClientErrorsLoginMutation = { login: { token: string } };

export type ExportsStartMutationVariables = Exact<{ [key: string]: never; }>;


export type ExportsStartMutation = { exportPosts: { id: string, name: string, description: string | null, progress: number, complete: boolean, error: string | null, createdAt: string, downloadUrl: string | null } };

export type ExportsTasksQueryVariables = Exact<{
  username: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ExportsTasksQuery = { me: { tasks: { totalCount: number, nodes: Array<{ id: string, progress: number, complete: boolean, downloadUrl: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null, user: { tasks: { totalCount: number } | null } | null };

export type ExportsNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportsNodeQuery = { node:
    | { __typename: 'Message' }
    | { __typename: 'Post' }
    | { __typename: 'Task', progress: number, complete: boolean }
    | { __typename: 'User' }
   | null };

export type ExportsProgressSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ExportsProgressSubscription = { notificationAdded:
    | { __typename: 'NewFollowerNotification' }
    | { __typename: 'TaskProgressNotification', id: string, task: { id: string, name: string, progress: number, complete: boolean, downloadUrl: string | null } }
    | { __typename: 'UnreadMessagesNotification' }
   };

export type ExportsNotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportsNotificationsQuery = { notifications: Array<
    | { __typename: 'NewFollowerNotification' }
    | { __typename: 'TaskProgressNotification', task: { id: string, progress: number, complete: boolean } }
    | { __typename: 'UnreadMessagesNotification' }
  > };

export type ExportsResetWithoutRedisMutationVariables = Exact<{
  email: string;
}>;


export type ExportsResetWithoutRedisMutation = { requestPasswordReset: boolean };

export type FaultsRegisterMutationVariables = Exact<{ [key: string]: never; }>;


export type FaultsRegisterMutation = { register: { token: string } };

export type FollowLimitsFollowMutationVariables = Exact<{
  username: string;
}>;


export type FollowLimitsFollowMutation = { follow: { user: { username: string, viewerIsFollowing: boolean } } };

export type FollowLimitsUnfollowMutationVariables = Exact<{
  username: string;
}>;


export type FollowLimitsUnfollowMutation = { unfollow: { user: { username: string } } };

export type HostileInputUsersQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type HostileInputUsersQuery = { users: { totalCount: number } };

export type HostileInputUpdateProfileMutationVariables = Exact<{
  u: string;
}>;


export type HostileInputUpdateProfileMutation = { updateProfile: { username: string } };

export type HostileInputPostsQueryVariables = Exact<{ [key: string]: never; }>;


export type HostileInputPostsQuery = { posts: { nodes: Array<{ id: string }>, pageInfo: { endCursor: string | null } } };

export type HostileInputPosts2QueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type HostileInputPosts2Query = { posts: { nodes: Array<{ id: string }>, pageInfo: { endCursor: string | null } } };

export type HostileInputPosts3QueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type HostileInputPosts3Query = { posts: { nodes: Array<{ id: string }> } };

export type HostileInputCreatePostMutationVariables = Exact<{
  body: string;
}>;


export type HostileInputCreatePostMutation = { createPost: { id: string } };

export type HostileInputCreatePost2MutationVariables = Exact<{
  body: string;
}>;


export type HostileInputCreatePost2Mutation = { createPost: { body: string } };

export type HostileInputUserQueryVariables = Exact<{
  u: string;
}>;


export type HostileInputUserQuery = { user: { id: string } | null };

export type LimitsMeQueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsMeQuery = { me: { posts: { nodes: Array<{ author: { posts: { totalCount: number } } }> } } | null };

export type LimitsMe2QueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsMe2Query = { me: { posts: { nodes: Array<{ author: { posts: { nodes: Array<{ id: string }> } } }> } } | null };

export type LimitsMe3QueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsMe3Query = { a: { id: string } | null, b: { id: string } | null, c: { id: string } | null };

export type LimitsMe4QueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsMe4Query = { a: { id: string } | null, b: { id: string } | null, c: { id: string } | null, d: { id: string } | null };

export type LimitsMe5QueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsMe5Query = { me?: { id?: string, username?: string } | null };

export type LimitsMe6QueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsMe6Query = { me?: { id?: string, username?: string, email?: string | null } | null };

export type LimitsUsersQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type LimitsUsersQuery = { users: { nodes: Array<{ posts: { nodes: Array<{ id: string }> } }> } };

export type LimitsSearchQueryVariables = Exact<{
  order?: PostSearchOrder | null | undefined;
  first?: number | null | undefined;
}>;


export type LimitsSearchQuery = { searchPosts: { nodes: Array<{ id: string }> } };

export type LimitsUsers2QueryVariables = Exact<{
  first?: number | null | undefined;
  deep: boolean;
  after?: string | null | undefined;
}>;


export type LimitsUsers2Query = { users: { nodes: Array<{ posts?: { nodes: Array<{ id: string }> } }> } };

export type LimitsUsers3QueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsUsers3Query = { users: { nodes: Array<{ followers: { nodes: Array<{ followers: { nodes: Array<{ username: string }> } }> } }> } };

export type LimitsUsers4QueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsUsers4Query = { users: { nodes: Array<{ username: string, followerCount: number, posts: { nodes: Array<{ body: string, author: { username: string } }> } }> } };

export type ListsPostsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListsPostsQuery = { posts: { edges: Array<{ cursor: string, node: { id: string, body: string } }>, nodes: Array<{ id: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ListsUsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListsUsersQuery = { users: { nodes: Array<{ username: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ListsPosts2QueryVariables = Exact<{ [key: string]: never; }>;


export type ListsPosts2Query = { posts: { nodes: Array<{ id: string }> } };

export type ListsPosts3QueryVariables = Exact<{ [key: string]: never; }>;


export type ListsPosts3Query = { posts: { totalCount: number, nodes: Array<{ id: string }> } };

export type ListsPosts4QueryVariables = Exact<{ [key: string]: never; }>;


export type ListsPosts4Query = { posts: { totalCount: number } };

export type ListsPosts5QueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ListsPosts5Query = { posts: { nodes: Array<{ body: string, author: { username: string, avatar: string } }> } };

export type ListsAuthorsBeyondCardQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ListsAuthorsBeyondCardQuery = { posts: { nodes: Array<{ author: { username: string, aboutMe: string | null, lastSeen: string | null } }> } };

export type ListsProfileQueryVariables = Exact<{
  username: string;
}>;


export type ListsProfileQuery = { user: { username: string, aboutMe: string | null, lastSeen: string | null } | null };

export type ListsUsers2QueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ListsUsers2Query = { users: { totalCount: number, nodes: Array<{ postCount: number, posts: { totalCount: number, nodes: Array<{ body: string, author: { username: string } }> } }> } };

export type ListsPosts6QueryVariables = Exact<{ [key: string]: never; }>;


export type ListsPosts6Query = { posts: { nodes: Array<{ id: string, timestamp: string, author: { username: string } }> } };

export type ListsUsers3QueryVariables = Exact<{ [key: string]: never; }>;


export type ListsUsers3Query = { users: { nodes: Array<{ username: string, posts: { nodes: Array<{ id: string, timestamp: string, author: { username: string } }> } }> } };

export type ListsUserQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ListsUserQuery = { user: { postCount: number, posts: { totalCount: number, nodes: Array<{ id: string, author: { username: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ListsPosts7QueryVariables = Exact<{ [key: string]: never; }>;


export type ListsPosts7Query = { posts: { nodes: Array<{ id: string, author: { username: string } }> } };

export type ListsUser2QueryVariables = Exact<{ [key: string]: never; }>;


export type ListsUser2Query = { user: { username: string, postCount: number } | null };

export type ListsUser3QueryVariables = Exact<{
  u: string;
}>;


export type ListsUser3Query = { user: { id: string } | null };

export type ListsUser4QueryVariables = Exact<{ [key: string]: never; }>;


export type ListsUser4Query = { user: { postCount: number, posts: { totalCount: number, nodes: Array<{ id: string }> } } | null };

export type ListsUser5QueryVariables = Exact<{
  u: string;
}>;


export type ListsUser5Query = { user: { email: string | null, avatar: string, small: string, large: string } | null };

export type ListsUser6QueryVariables = Exact<{
  s?: number | null | undefined;
}>;


export type ListsUser6Query = { user: { avatar: string } | null };

export type InstancesRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type InstancesRegisterMutation = { register: { token: string, user: { id: string, username: string } } };

export type InstancesPostMutationVariables = Exact<{
  body: string;
}>;


export type InstancesPostMutation = { createPost: { id: string } };

export type InstancesFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type InstancesFeedSubscription = { feedPostAdded: { body: string, author: { username: string } } };

export type InstancesFollowMutationVariables = Exact<{
  username: string;
}>;


export type InstancesFollowMutation = { follow: { user: { id: string } } };

export type LiveFeedPostAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LiveFeedPostAddedSubscription = { feedPostAdded: { id: string, body: string, author: { username: string } } };

export type LiveMessageReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LiveMessageReceivedSubscription = { messageReceived: { id: string, body: string, sender: { username: string }, recipient: { username: string } } };

export type LiveNotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LiveNotificationAddedSubscription = { notificationAdded:
    | { __typename: 'NewFollowerNotification', id: string, follower: { username: string } }
    | { __typename: 'TaskProgressNotification', id: string }
    | { __typename: 'UnreadMessagesNotification', count: number, id: string }
   };

export type LiveSendMessageMutationVariables = Exact<{
  to: string;
  body: string;
}>;


export type LiveSendMessageMutation = { sendMessage: { id: string, body: string } };

export type LiveUnfollowMutationVariables = Exact<{
  username: string;
}>;


export type LiveUnfollowMutation = { unfollow: { user: { id: string } } };

export type LiveMarkReadMutationVariables = Exact<{ [key: string]: never; }>;


export type LiveMarkReadMutation = { markMessagesRead: { unreadMessageCount: number | null } };

export type LiveLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LiveLogoutMutation = { logout: boolean };

export type LiveChangePasswordMutationVariables = Exact<{
  current: string;
  next: string;
}>;


export type LiveChangePasswordMutation = { changePassword: boolean };

export type LiveLoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type LiveLoginMutation = { login: { token: string } };

export type LiveCatchUpQueryVariables = Exact<{
  after?: string | number | null | undefined;
}>;


export type LiveCatchUpQuery = { notifications: Array<
    | { id: string, follower: { username: string } }
    | { id: string }
    | { id: string }
  > };

export type MessagesSendMutationVariables = Exact<{
  to: string;
  body: string;
}>;


export type MessagesSendMutation = { sendMessage: { id: string, body: string, timestamp: string, sender: { username: string }, recipient: { username: string } } };

export type MessagesInboxQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MessagesInboxQuery = { messages: { totalCount: number, nodes: Array<{ id: string, body: string, sender: { username: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MessagesConversationQueryVariables = Exact<{
  with: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MessagesConversationQuery = { conversation: { totalCount: number, nodes: Array<{ id: string, body: string, sender: { username: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MessagesUnreadQueryVariables = Exact<{
  username: string;
}>;


export type MessagesUnreadQuery = { me: { unreadMessageCount: number | null } | null, user: { unreadMessageCount: number | null } | null };

export type MessagesMarkReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MessagesMarkReadMutation = { markMessagesRead: { username: string, unreadMessageCount: number | null } };

export type MessagesNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type MessagesNodeQuery = { node:
    | { __typename: 'Message', body: string }
    | { __typename: 'Post' }
    | { __typename: 'Task' }
    | { __typename: 'User' }
   | null };

export type MessagesNotificationsQueryVariables = Exact<{
  after?: string | number | null | undefined;
  first?: number | null | undefined;
}>;


export type MessagesNotificationsQuery = { notifications: Array<
    | { __typename: 'NewFollowerNotification', id: string, timestamp: string, follower: { username: string } }
    | { __typename: 'TaskProgressNotification', id: string, timestamp: string }
    | { __typename: 'UnreadMessagesNotification', count: number, id: string, timestamp: string }
  > };

export type NodesNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodesNodeQuery = { node:
    | { __typename: 'Message', id: string }
    | { __typename: 'Post', body: string, id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'User', username: string, id: string }
   | null };

export type NodesNodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodesNodesQuery = { nodes: Array<
    | { __typename: 'Message', id: string }
    | { __typename: 'Post', id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'User', id: string }
   | null> };

export type NodesPostQueryVariables = Exact<{
  id: string | number;
}>;


export type NodesPostQuery = { post: { id: string } | null };

export type NodesDeletePostMutationVariables = Exact<{
  id: string | number;
}>;


export type NodesDeletePostMutation = { deletePost: { deletedPostId: string } };

export type NodesPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NodesPageQuery = { posts: { edges: Array<{ cursor: string }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ResetRequestMutationVariables = Exact<{
  email: string;
}>;


export type ResetRequestMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type ResetLoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type ResetLoginMutation = { login: { token: string } };

export type ResetMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ResetMeQuery = { me: { username: string } | null };

export type PostsCreatePostMutationVariables = Exact<{
  body: string;
}>;


export type PostsCreatePostMutation = { createPost: { id: string, body: string, timestamp: string, author: { username: string } } };

export type PostsAuthorCountQueryVariables = Exact<{
  username: string;
}>;


export type PostsAuthorCountQuery = { user: { postCount: number } | null };

export type PostsDeletePostMutationVariables = Exact<{
  id: string | number;
}>;


export type PostsDeletePostMutation = { deletePost: { deletedPostId: string, author: { postCount: number } } };

export type PostsPostQueryVariables = Exact<{
  id: string | number;
}>;


export type PostsPostQuery = { post: { id: string, body: string, author: { username: string } } | null };

export type ProfileUpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type ProfileUpdateProfileMutation = { updateProfile: { username: string, aboutMe: string | null } };

export type ProfileUserQueryVariables = Exact<{
  username: string;
}>;


export type ProfileUserQuery = { user: { username: string, aboutMe: string | null, lastSeen: string | null } | null };

export type ProfileChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ProfileChangePasswordMutation = { changePassword: boolean };

export type ProfileLoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type ProfileLoginMutation = { login: { token: string } };

export type ProfileMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ProfileMeQuery = { me: { username: string, lastSeen: string | null } | null };

export type ProfileMe2QueryVariables = Exact<{ [key: string]: never; }>;


export type ProfileMe2Query = { me: { id: string } | null };

export type RateLimitsLoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type RateLimitsLoginMutation = { login: { token: string } };

export type RateLimitsRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RateLimitsRegisterMutation = { register: { token: string } };

export type RateLimitsChangePasswordMutationVariables = Exact<{ [key: string]: never; }>;


export type RateLimitsChangePasswordMutation = { changePassword: boolean };

export type RateLimitsUserQueryVariables = Exact<{ [key: string]: never; }>;


export type RateLimitsUserQuery = { user: { id: string } | null };

export type SearchPostsQueryVariables = Exact<{
  query: string;
  order?: PostSearchOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchPostsQuery = { searchPosts: { nodes: Array<{ id: string, body: string, author: { username: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SearchPostsCountQueryVariables = Exact<{
  query: string;
}>;


export type SearchPostsCountQuery = { searchPosts: { totalCount: number } };

export type SearchUsersQueryVariables = Exact<{
  prefix: string;
  first?: number | null | undefined;
}>;


export type SearchUsersQuery = { searchUsers: Array<{ username: string }> };

export type PostLanguageQueryVariables = Exact<{
  id: string | number;
}>;


export type PostLanguageQuery = { post: { language: string | null } | null };

export type SearchDeletePostMutationVariables = Exact<{
  id: string | number;
}>;


export type SearchDeletePostMutation = { deletePost: { deletedPostId: string } };

export type SessionsLoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type SessionsLoginMutation = { login: { token: string } };

export type SessionsChangePasswordMutationVariables = Exact<{
  current: string;
  next: string;
}>;


export type SessionsChangePasswordMutation = { changePassword: boolean };

export type SessionsMeQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsMeQuery = { me: { id: string } | null };

export type SocialFeedQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SocialFeedQuery = { feed: { nodes: Array<{ id: string, body: string, author: { username: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SocialFollowMutationVariables = Exact<{
  username: string;
}>;


export type SocialFollowMutation = { follow: { user: { username: string, followerCount: number, viewerIsFollowing: boolean }, viewer: { followingCount: number } } };

export type SocialUnfollowMutationVariables = Exact<{
  username: string;
}>;


export type SocialUnfollowMutation = { unfollow: { user: { username: string, followerCount: number, viewerIsFollowing: boolean }, viewer: { followingCount: number } } };

export type SocialUserQueryVariables = Exact<{
  username: string;
}>;


export type SocialUserQuery = { user: { isViewer: boolean, viewerIsFollowing: boolean, followerCount: number, followingCount: number } | null };

export type SocialUser2QueryVariables = Exact<{
  username: string;
  first?: number | null | undefined;
}>;


export type SocialUser2Query = { user: { followers: { totalCount: number, nodes: Array<{ username: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, following: { totalCount: number, nodes: Array<{ username: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type SocialFollowersQueryVariables = Exact<{
  username: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SocialFollowersQuery = { user: { followers: { nodes: Array<{ username: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type SocialFollowingQueryVariables = Exact<{
  username: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SocialFollowingQuery = { user: { following: { nodes: Array<{ username: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type SocialFollow2MutationVariables = Exact<{
  username: string;
}>;


export type SocialFollow2Mutation = { a: { user: { followerCount: number, viewerIsFollowing: boolean }, viewer: { followingCount: number } }, b: { user: { followerCount: number, viewerIsFollowing: boolean }, viewer: { followingCount: number } } };

export type SocialUsersQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type SocialUsersQuery = { users: { nodes: Array<{ followerCount: number, followingCount: number, postCount: number, viewerIsFollowing: boolean, isViewer: boolean }> } };

export type SocialUsers2QueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type SocialUsers2Query = { users: { nodes: Array<{ followers: { totalCount: number, nodes: Array<{ username: string }> }, following: { nodes: Array<{ username: string }> } }> } };

export type SocialFeed2QueryVariables = Exact<{ [key: string]: never; }>;


export type SocialFeed2Query = { feed: { totalCount: number } };

export type SocialFeed3QueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type SocialFeed3Query = { feed: { nodes: Array<{ body: string, author: { username: string, followerCount: number } }> } };

export type TextCreatePostMutationVariables = Exact<{
  body: string;
}>;


export type TextCreatePostMutation = { createPost: { id: string, body: string } };

export type TextUpdateProfileMutationVariables = Exact<{
  aboutMe?: string | null | undefined;
}>;


export type TextUpdateProfileMutation = { updateProfile: { aboutMe: string | null } };

export type TextRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type TextRegisterMutation = { register: { user: { username: string } } };

export type TextLoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type TextLoginMutation = { login: { token: string } };

export type TextPostQueryVariables = Exact<{
  id: string | number;
}>;


export type TextPostQuery = { post: { body: string } | null };

export type OperationsMeQueryVariables = Exact<{ [key: string]: never; }>;


export type OperationsMeQuery = { me: { id: string } | null };

export type OperationsRegisterMutationVariables = Exact<{ [key: string]: never; }>;


export type OperationsRegisterMutation = { register: { token: string } };

export type OperationsLogin2MutationVariables = Exact<{ [key: string]: never; }>;


export type OperationsLogin2Mutation = { login: { token: string } };

export type FactoriesRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type FactoriesRegisterMutation = { register: { token: string, user: { id: string, username: string } } };

export type FactoriesCreatePostMutationVariables = Exact<{
  body: string;
}>;


export type FactoriesCreatePostMutation = { createPost: { id: string, timestamp: string } };

export type FactoriesFollowMutationVariables = Exact<{
  username: string;
}>;


export type FactoriesFollowMutation = { follow: { user: { id: string } } };

export type TypedCheckProfileQueryVariables = Exact<{
  username: string;
}>;


export type TypedCheckProfileQuery = { user: { username: string, postCount: number } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const BenchLoginDocument = new TypedDocumentString(`
    mutation BenchLogin($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<BenchLoginMutation, BenchLoginMutationVariables>;
export const BenchRegisterDocument = new TypedDocumentString(`
    mutation BenchRegister($input: RegisterInput!) {
  register(input: $input) {
    token
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<BenchRegisterMutation, BenchRegisterMutationVariables>;
export const ExploreDocument = new TypedDocumentString(`
    query Explore {
  posts(first: 20) {
    nodes {
      id
      body
      timestamp
      author {
        username
        avatar
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExploreQuery, ExploreQueryVariables>;
export const FeedDocument = new TypedDocumentString(`
    query Feed($after: String) {
  feed(first: 20, after: $after) {
    nodes {
      id
      body
      timestamp
      author {
        username
        avatar
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<FeedQuery, FeedQueryVariables>;
export const ProfileDocument = new TypedDocumentString(`
    query Profile($username: String!) {
  user(username: $username) {
    aboutMe
    followerCount
    followingCount
    postCount
    posts(first: 10) {
      nodes {
        body
        timestamp
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProfileQuery, ProfileQueryVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users {
  users(first: 20) {
    nodes {
      username
      followerCount
      followingCount
      postCount
      viewerIsFollowing
    }
  }
}
    `) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const SearchPostsPageDocument = new TypedDocumentString(`
    query SearchPostsPage($query: String!, $order: PostSearchOrder!) {
  searchPosts(query: $query, order: $order, first: 20) {
    nodes {
      id
      body
      timestamp
      author {
        username
        avatar
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<SearchPostsPageQuery, SearchPostsPageQueryVariables>;
export const MentionCompletionDocument = new TypedDocumentString(`
    query MentionCompletion($prefix: String!) {
  searchUsers(prefix: $prefix, first: 10) {
    username
    avatar
  }
}
    `) as unknown as TypedDocumentString<MentionCompletionQuery, MentionCompletionQueryVariables>;
export const InboxDocument = new TypedDocumentString(`
    query Inbox {
  messages(first: 20) {
    nodes {
      id
      body
      timestamp
      sender {
        username
        avatar
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<InboxQuery, InboxQueryVariables>;
export const SendMessageDocument = new TypedDocumentString(`
    mutation SendMessage($to: String!, $body: String!) {
  sendMessage(to: $to, body: $body) {
    id
    timestamp
  }
}
    `) as unknown as TypedDocumentString<SendMessageMutation, SendMessageMutationVariables>;
export const CreatePostDocument = new TypedDocumentString(`
    mutation CreatePost($body: String!) {
  createPost(body: $body) {
    id
    timestamp
  }
}
    `) as unknown as TypedDocumentString<CreatePostMutation, CreatePostMutationVariables>;
export const AbuseRegisterDocument = new TypedDocumentString(`
    mutation AbuseRegister($input: RegisterInput!) {
  register(input: $input) {
    user {
      username
    }
  }
}
    `) as unknown as TypedDocumentString<AbuseRegisterMutation, AbuseRegisterMutationVariables>;
export const AbuseMeDocument = new TypedDocumentString(`
    query AbuseMe {
  me {
    id
  }
}
    `) as unknown as TypedDocumentString<AbuseMeQuery, AbuseMeQueryVariables>;
export const ApolloClientRegisterDocument = new TypedDocumentString(`
    mutation ApolloClientRegister($input: RegisterInput!) {
  register(input: $input) {
    token
    user {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<ApolloClientRegisterMutation, ApolloClientRegisterMutationVariables>;
export const ApolloClientCreatePostDocument = new TypedDocumentString(`
    mutation ApolloClientCreatePost($body: String!) {
  createPost(body: $body) {
    id
    body
  }
}
    `) as unknown as TypedDocumentString<ApolloClientCreatePostMutation, ApolloClientCreatePostMutationVariables>;
export const ApolloClientProfileDocument = new TypedDocumentString(`
    query ApolloClientProfile($username: String!) {
  user(username: $username) {
    id
    username
    followerCount
    postCount
  }
}
    `) as unknown as TypedDocumentString<ApolloClientProfileQuery, ApolloClientProfileQueryVariables>;
export const ApolloClientMeDocument = new TypedDocumentString(`
    query ApolloClientMe {
  me {
    id
    username
    followingCount
  }
}
    `) as unknown as TypedDocumentString<ApolloClientMeQuery, ApolloClientMeQueryVariables>;
export const ApolloClientFollowDocument = new TypedDocumentString(`
    mutation ApolloClientFollow($username: String!) {
  follow(username: $username) {
    user {
      id
      followerCount
    }
    viewer {
      id
      followingCount
    }
  }
}
    `) as unknown as TypedDocumentString<ApolloClientFollowMutation, ApolloClientFollowMutationVariables>;
export const ApolloClientFeedDocument = new TypedDocumentString(`
    query ApolloClientFeed($first: Int, $after: String) {
  feed(first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        body
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ApolloClientFeedQuery, ApolloClientFeedQueryVariables>;
export const ApolloClientDeletePostDocument = new TypedDocumentString(`
    mutation ApolloClientDeletePost($id: ID!) {
  deletePost(id: $id) {
    deletedPostId
    author {
      id
      postCount
    }
  }
}
    `) as unknown as TypedDocumentString<ApolloClientDeletePostMutation, ApolloClientDeletePostMutationVariables>;
export const ApolloClientExploreDocument = new TypedDocumentString(`
    query ApolloClientExplore {
  posts(first: 5) {
    edges {
      node {
        id
        body
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApolloClientExploreQuery, ApolloClientExploreQueryVariables>;
export const AuthRegisterDocument = new TypedDocumentString(`
    mutation AuthRegister($input: RegisterInput!) {
  register(input: $input) {
    token
    user {
      id
      username
      email
    }
  }
}
    `) as unknown as TypedDocumentString<AuthRegisterMutation, AuthRegisterMutationVariables>;
export const AuthLoginDocument = new TypedDocumentString(`
    mutation AuthLogin($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
    user {
      username
    }
  }
}
    `) as unknown as TypedDocumentString<AuthLoginMutation, AuthLoginMutationVariables>;
export const AuthMeDocument = new TypedDocumentString(`
    query AuthMe {
  me {
    username
    email
  }
}
    `) as unknown as TypedDocumentString<AuthMeQuery, AuthMeQueryVariables>;
export const AuthLogin2Document = new TypedDocumentString(`
    mutation AuthLogin2($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    user {
      email
    }
  }
}
    `) as unknown as TypedDocumentString<AuthLogin2Mutation, AuthLogin2MutationVariables>;
export const AuthPostsDocument = new TypedDocumentString(`
    query AuthPosts {
  posts {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<AuthPostsQuery, AuthPostsQueryVariables>;
export const AuthLogoutDocument = new TypedDocumentString(`
    mutation AuthLogout {
  logout
}
    `) as unknown as TypedDocumentString<AuthLogoutMutation, AuthLogoutMutationVariables>;
export const ClientErrorsRegisterDocument = new TypedDocumentString(`
    mutation ClientErrorsRegister($input: RegisterInput!) {
  register(input: $input) {
    token
  }
}
    `) as unknown as TypedDocumentString<ClientErrorsRegisterMutation, ClientErrorsRegisterMutationVariables>;
export const ClientErrorsUpdateProfileDocument = new TypedDocumentString(`
    mutation ClientErrorsUpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    username
  }
}
    `) as unknown as TypedDocumentString<ClientErrorsUpdateProfileMutation, ClientErrorsUpdateProfileMutationVariables>;
export const ClientErrorsChangePasswordDocument = new TypedDocumentString(`
    mutation ClientErrorsChangePassword($current: String!, $new: String!) {
  changePassword(currentPassword: $current, newPassword: $new)
}
    `) as unknown as TypedDocumentString<ClientErrorsChangePasswordMutation, ClientErrorsChangePasswordMutationVariables>;
export const ClientErrorsLoginDocument = new TypedDocumentString(`
    mutation ClientErrorsLogin($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<ClientErrorsLoginMutation, ClientErrorsLoginMutationVariables>;
export const ExportsStartDocument = new TypedDocumentString(`
    mutation ExportsStart {
  exportPosts {
    id
    name
    description
    progress
    complete
    error
    createdAt
    downloadUrl
  }
}
    `) as unknown as TypedDocumentString<ExportsStartMutation, ExportsStartMutationVariables>;
export const ExportsTasksDocument = new TypedDocumentString(`
    query ExportsTasks($username: String!, $first: Int, $after: String) {
  me {
    tasks(first: $first, after: $after) {
      totalCount
      nodes {
        id
        progress
        complete
        downloadUrl
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  user(username: $username) {
    tasks {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<ExportsTasksQuery, ExportsTasksQueryVariables>;
export const ExportsNodeDocument = new TypedDocumentString(`
    query ExportsNode($id: ID!) {
  node(id: $id) {
    __typename
    ... on Task {
      progress
      complete
    }
  }
}
    `) as unknown as TypedDocumentString<ExportsNodeQuery, ExportsNodeQueryVariables>;
export const ExportsProgressDocument = new TypedDocumentString(`
    subscription ExportsProgress {
  notificationAdded {
    __typename
    ... on TaskProgressNotification {
      id
      task {
        id
        name
        progress
        complete
        downloadUrl
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExportsProgressSubscription, ExportsProgressSubscriptionVariables>;
export const ExportsNotificationsDocument = new TypedDocumentString(`
    query ExportsNotifications {
  notifications {
    __typename
    ... on TaskProgressNotification {
      task {
        id
        progress
        complete
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExportsNotificationsQuery, ExportsNotificationsQueryVariables>;
export const ExportsResetWithoutRedisDocument = new TypedDocumentString(`
    mutation ExportsResetWithoutRedis($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<ExportsResetWithoutRedisMutation, ExportsResetWithoutRedisMutationVariables>;
export const FaultsRegisterDocument = new TypedDocumentString(`
    mutation FaultsRegister {
  register(
    input: {username: "steady", email: "steady@example.com", password: "password1"}
  ) {
    token
  }
}
    `) as unknown as TypedDocumentString<FaultsRegisterMutation, FaultsRegisterMutationVariables>;
export const FollowLimitsFollowDocument = new TypedDocumentString(`
    mutation FollowLimitsFollow($username: String!) {
  follow(username: $username) {
    user {
      username
      viewerIsFollowing
    }
  }
}
    `) as unknown as TypedDocumentString<FollowLimitsFollowMutation, FollowLimitsFollowMutationVariables>;
export const FollowLimitsUnfollowDocument = new TypedDocumentString(`
    mutation FollowLimitsUnfollow($username: String!) {
  unfollow(username: $username) {
    user {
      username
    }
  }
}
    `) as unknown as TypedDocumentString<FollowLimitsUnfollowMutation, FollowLimitsUnfollowMutationVariables>;
export const HostileInputUsersDocument = new TypedDocumentString(`
    query HostileInputUsers($after: String) {
  users(after: $after) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<HostileInputUsersQuery, HostileInputUsersQueryVariables>;
export const HostileInputUpdateProfileDocument = new TypedDocumentString(`
    mutation HostileInputUpdateProfile($u: String!) {
  updateProfile(input: {username: $u}) {
    username
  }
}
    `) as unknown as TypedDocumentString<HostileInputUpdateProfileMutation, HostileInputUpdateProfileMutationVariables>;
export const HostileInputPostsDocument = new TypedDocumentString(`
    query HostileInputPosts {
  posts(first: 1) {
    nodes {
      id
    }
    pageInfo {
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<HostileInputPostsQuery, HostileInputPostsQueryVariables>;
export const HostileInputPosts2Document = new TypedDocumentString(`
    query HostileInputPosts2($after: String) {
  posts(first: 1, after: $after) {
    nodes {
      id
    }
    pageInfo {
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<HostileInputPosts2Query, HostileInputPosts2QueryVariables>;
export const HostileInputPosts3Document = new TypedDocumentString(`
    query HostileInputPosts3($after: String) {
  posts(first: 1, after: $after) {
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<HostileInputPosts3Query, HostileInputPosts3QueryVariables>;
export const HostileInputCreatePostDocument = new TypedDocumentString(`
    mutation HostileInputCreatePost($body: String!) {
  createPost(body: $body) {
    id
  }
}
    `) as unknown as TypedDocumentString<HostileInputCreatePostMutation, HostileInputCreatePostMutationVariables>;
export const HostileInputCreatePost2Document = new TypedDocumentString(`
    mutation HostileInputCreatePost2($body: String!) {
  createPost(body: $body) {
    body
  }
}
    `) as unknown as TypedDocumentString<HostileInputCreatePost2Mutation, HostileInputCreatePost2MutationVariables>;
export const HostileInputUserDocument = new TypedDocumentString(`
    query HostileInputUser($u: String!) {
  user(username: $u) {
    id
  }
}
    `) as unknown as TypedDocumentString<HostileInputUserQuery, HostileInputUserQueryVariables>;
export const LimitsMeDocument = new TypedDocumentString(`
    query LimitsMe {
  me {
    posts(first: 1) {
      nodes {
        author {
          posts(first: 1) {
            totalCount
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsMeQuery, LimitsMeQueryVariables>;
export const LimitsMe2Document = new TypedDocumentString(`
    query LimitsMe2 {
  me {
    posts(first: 1) {
      nodes {
        author {
          posts(first: 1) {
            nodes {
              id
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsMe2Query, LimitsMe2QueryVariables>;
export const LimitsMe3Document = new TypedDocumentString(`
    query LimitsMe3 {
  a: me {
    id
  }
  b: me {
    id
  }
  c: me {
    id
  }
}
    `) as unknown as TypedDocumentString<LimitsMe3Query, LimitsMe3QueryVariables>;
export const LimitsMe4Document = new TypedDocumentString(`
    query LimitsMe4 {
  a: me {
    id
  }
  b: me {
    id
  }
  c: me {
    id
  }
  d: me {
    id
  }
}
    `) as unknown as TypedDocumentString<LimitsMe4Query, LimitsMe4QueryVariables>;
export const LimitsMe5Document = new TypedDocumentString(`
    query LimitsMe5 {
  me @include(if: true) {
    id @include(if: true)
    username @skip(if: false)
  }
}
    `) as unknown as TypedDocumentString<LimitsMe5Query, LimitsMe5QueryVariables>;
export const LimitsMe6Document = new TypedDocumentString(`
    query LimitsMe6 {
  me @include(if: true) {
    id @include(if: true)
    username @skip(if: false)
    email @skip(if: false)
  }
}
    `) as unknown as TypedDocumentString<LimitsMe6Query, LimitsMe6QueryVariables>;
export const LimitsUsersDocument = new TypedDocumentString(`
    query LimitsUsers($first: Int) {
  users(first: 10) {
    nodes {
      posts(first: $first) {
        nodes {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsUsersQuery, LimitsUsersQueryVariables>;
export const LimitsSearchDocument = new TypedDocumentString(`
    query LimitsSearch($order: PostSearchOrder, $first: Int) {
  searchPosts(query: "word", order: $order, first: $first) {
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsSearchQuery, LimitsSearchQueryVariables>;
export const LimitsUsers2Document = new TypedDocumentString(`
    query LimitsUsers2($first: Int, $deep: Boolean!, $after: String) {
  users(first: 10, after: $after) {
    nodes {
      posts(first: $first) @include(if: $deep) {
        nodes {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsUsers2Query, LimitsUsers2QueryVariables>;
export const LimitsUsers3Document = new TypedDocumentString(`
    query LimitsUsers3 {
  users(first: 100) {
    nodes {
      followers(first: 100) {
        nodes {
          followers(first: 100) {
            nodes {
              username
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsUsers3Query, LimitsUsers3QueryVariables>;
export const LimitsUsers4Document = new TypedDocumentString(`
    query LimitsUsers4 {
  users(first: 100) {
    nodes {
      username
      followerCount
      posts(first: 20) {
        nodes {
          body
          author {
            username
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsUsers4Query, LimitsUsers4QueryVariables>;
export const ListsPostsDocument = new TypedDocumentString(`
    query ListsPosts($first: Int, $after: String) {
  posts(first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        body
      }
    }
    nodes {
      id
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ListsPostsQuery, ListsPostsQueryVariables>;
export const ListsUsersDocument = new TypedDocumentString(`
    query ListsUsers($first: Int, $after: String) {
  users(first: $first, after: $after) {
    nodes {
      username
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ListsUsersQuery, ListsUsersQueryVariables>;
export const ListsPosts2Document = new TypedDocumentString(`
    query ListsPosts2 {
  posts(first: 5) {
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ListsPosts2Query, ListsPosts2QueryVariables>;
export const ListsPosts3Document = new TypedDocumentString(`
    query ListsPosts3 {
  posts(first: 5) {
    totalCount
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ListsPosts3Query, ListsPosts3QueryVariables>;
export const ListsPosts4Document = new TypedDocumentString(`
    query ListsPosts4 {
  posts(first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ListsPosts4Query, ListsPosts4QueryVariables>;
export const ListsPosts5Document = new TypedDocumentString(`
    query ListsPosts5($first: Int) {
  posts(first: $first) {
    nodes {
      body
      author {
        username
        avatar
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ListsPosts5Query, ListsPosts5QueryVariables>;
export const ListsAuthorsBeyondCardDocument = new TypedDocumentString(`
    query ListsAuthorsBeyondCard($first: Int) {
  posts(first: $first) {
    nodes {
      author {
        username
        aboutMe
        lastSeen
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ListsAuthorsBeyondCardQuery, ListsAuthorsBeyondCardQueryVariables>;
export const ListsProfileDocument = new TypedDocumentString(`
    query ListsProfile($username: String!) {
  user(username: $username) {
    username
    aboutMe
    lastSeen
  }
}
    `) as unknown as TypedDocumentString<ListsProfileQuery, ListsProfileQueryVariables>;
export const ListsUsers2Document = new TypedDocumentString(`
    query ListsUsers2($first: Int) {
  users(first: $first) {
    totalCount
    nodes {
      postCount
      posts(first: 2) {
        totalCount
        nodes {
          body
          author {
            username
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ListsUsers2Query, ListsUsers2QueryVariables>;
export const ListsPosts6Document = new TypedDocumentString(`
    query ListsPosts6 {
  posts(first: 100) {
    nodes {
      id
      timestamp
      author {
        username
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ListsPosts6Query, ListsPosts6QueryVariables>;
export const ListsUsers3Document = new TypedDocumentString(`
    query ListsUsers3 {
  users(first: 20) {
    nodes {
      username
      posts(first: 2) {
        nodes {
          id
          timestamp
          author {
            username
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ListsUsers3Query, ListsUsers3QueryVariables>;
export const ListsUserDocument = new TypedDocumentString(`
    query ListsUser($after: String) {
  user(username: "alice") {
    postCount
    posts(first: 2, after: $after) {
      totalCount
      nodes {
        id
        author {
          username
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ListsUserQuery, ListsUserQueryVariables>;
export const ListsPosts7Document = new TypedDocumentString(`
    query ListsPosts7 {
  posts(first: 100) {
    nodes {
      id
      author {
        username
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ListsPosts7Query, ListsPosts7QueryVariables>;
export const ListsUser2Document = new TypedDocumentString(`
    query ListsUser2 {
  user(username: "BOB") {
    username
    postCount
  }
}
    `) as unknown as TypedDocumentString<ListsUser2Query, ListsUser2QueryVariables>;
export const ListsUser3Document = new TypedDocumentString(`
    query ListsUser3($u: String!) {
  user(username: $u) {
    id
  }
}
    `) as unknown as TypedDocumentString<ListsUser3Query, ListsUser3QueryVariables>;
export const ListsUser4Document = new TypedDocumentString(`
    query ListsUser4 {
  user(username: "quiet") {
    postCount
    posts {
      totalCount
      nodes {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ListsUser4Query, ListsUser4QueryVariables>;
export const ListsUser5Document = new TypedDocumentString(`
    query ListsUser5($u: String!) {
  user(username: $u) {
    email
    avatar
    small: avatar(size: 1)
    large: avatar(size: 2048)
  }
}
    `) as unknown as TypedDocumentString<ListsUser5Query, ListsUser5QueryVariables>;
export const ListsUser6Document = new TypedDocumentString(`
    query ListsUser6($s: Int) {
  user(username: "carol") {
    avatar(size: $s)
  }
}
    `) as unknown as TypedDocumentString<ListsUser6Query, ListsUser6QueryVariables>;
export const InstancesRegisterDocument = new TypedDocumentString(`
    mutation InstancesRegister($input: RegisterInput!) {
  register(input: $input) {
    token
    user {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<InstancesRegisterMutation, InstancesRegisterMutationVariables>;
export const InstancesPostDocument = new TypedDocumentString(`
    mutation InstancesPost($body: String!) {
  createPost(body: $body) {
    id
  }
}
    `) as unknown as TypedDocumentString<InstancesPostMutation, InstancesPostMutationVariables>;
export const InstancesFeedDocument = new TypedDocumentString(`
    subscription InstancesFeed {
  feedPostAdded {
    body
    author {
      username
    }
  }
}
    `) as unknown as TypedDocumentString<InstancesFeedSubscription, InstancesFeedSubscriptionVariables>;
export const InstancesFollowDocument = new TypedDocumentString(`
    mutation InstancesFollow($username: String!) {
  follow(username: $username) {
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<InstancesFollowMutation, InstancesFollowMutationVariables>;
export const LiveFeedPostAddedDocument = new TypedDocumentString(`
    subscription LiveFeedPostAdded {
  feedPostAdded {
    id
    body
    author {
      username
    }
  }
}
    `) as unknown as TypedDocumentString<LiveFeedPostAddedSubscription, LiveFeedPostAddedSubscriptionVariables>;
export const LiveMessageReceivedDocument = new TypedDocumentString(`
    subscription LiveMessageReceived {
  messageReceived {
    id
    body
    sender {
      username
    }
    recipient {
      username
    }
  }
}
    `) as unknown as TypedDocumentString<LiveMessageReceivedSubscription, LiveMessageReceivedSubscriptionVariables>;
export const LiveNotificationAddedDocument = new TypedDocumentString(`
    subscription LiveNotificationAdded {
  notificationAdded {
    __typename
    id
    ... on UnreadMessagesNotification {
      count
    }
    ... on NewFollowerNotification {
      follower {
        username
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LiveNotificationAddedSubscription, LiveNotificationAddedSubscriptionVariables>;
export const LiveSendMessageDocument = new TypedDocumentString(`
    mutation LiveSendMessage($to: String!, $body: String!) {
  sendMessage(to: $to, body: $body) {
    id
    body
  }
}
    `) as unknown as TypedDocumentString<LiveSendMessageMutation, LiveSendMessageMutationVariables>;
export const LiveUnfollowDocument = new TypedDocumentString(`
    mutation LiveUnfollow($username: String!) {
  unfollow(username: $username) {
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<LiveUnfollowMutation, LiveUnfollowMutationVariables>;
export const LiveMarkReadDocument = new TypedDocumentString(`
    mutation LiveMarkRead {
  markMessagesRead {
    unreadMessageCount
  }
}
    `) as unknown as TypedDocumentString<LiveMarkReadMutation, LiveMarkReadMutationVariables>;
export const LiveLogoutDocument = new TypedDocumentString(`
    mutation LiveLogout {
  logout
}
    `) as unknown as TypedDocumentString<LiveLogoutMutation, LiveLogoutMutationVariables>;
export const LiveChangePasswordDocument = new TypedDocumentString(`
    mutation LiveChangePassword($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next)
}
    `) as unknown as TypedDocumentString<LiveChangePasswordMutation, LiveChangePasswordMutationVariables>;
export const LiveLoginDocument = new TypedDocumentString(`
    mutation LiveLogin($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<LiveLoginMutation, LiveLoginMutationVariables>;
export const LiveCatchUpDocument = new TypedDocumentString(`
    query LiveCatchUp($after: ID) {
  notifications(after: $after, first: 100) {
    id
    ... on NewFollowerNotification {
      follower {
        username
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LiveCatchUpQuery, LiveCatchUpQueryVariables>;
export const MessagesSendDocument = new TypedDocumentString(`
    mutation MessagesSend($to: String!, $body: String!) {
  sendMessage(to: $to, body: $body) {
    id
    body
    timestamp
    sender {
      username
    }
    recipient {
      username
    }
  }
}
    `) as unknown as TypedDocumentString<MessagesSendMutation, MessagesSendMutationVariables>;
export const MessagesInboxDocument = new TypedDocumentString(`
    query MessagesInbox($first: Int, $after: String) {
  messages(first: $first, after: $after) {
    totalCount
    nodes {
      id
      body
      sender {
        username
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MessagesInboxQuery, MessagesInboxQueryVariables>;
export const MessagesConversationDocument = new TypedDocumentString(`
    query MessagesConversation($with: String!, $first: Int, $after: String) {
  conversation(with: $with, first: $first, after: $after) {
    totalCount
    nodes {
      id
      body
      sender {
        username
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MessagesConversationQuery, MessagesConversationQueryVariables>;
export const MessagesUnreadDocument = new TypedDocumentString(`
    query MessagesUnread($username: String!) {
  me {
    unreadMessageCount
  }
  user(username: $username) {
    unreadMessageCount
  }
}
    `) as unknown as TypedDocumentString<MessagesUnreadQuery, MessagesUnreadQueryVariables>;
export const MessagesMarkReadDocument = new TypedDocumentString(`
    mutation MessagesMarkRead {
  markMessagesRead {
    username
    unreadMessageCount
  }
}
    `) as unknown as TypedDocumentString<MessagesMarkReadMutation, MessagesMarkReadMutationVariables>;
export const MessagesNodeDocument = new TypedDocumentString(`
    query MessagesNode($id: ID!) {
  node(id: $id) {
    __typename
    ... on Message {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<MessagesNodeQuery, MessagesNodeQueryVariables>;
export const MessagesNotificationsDocument = new TypedDocumentString(`
    query MessagesNotifications($after: ID, $first: Int) {
  notifications(after: $after, first: $first) {
    __typename
    id
    timestamp
    ... on UnreadMessagesNotification {
      count
    }
    ... on NewFollowerNotification {
      follower {
        username
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MessagesNotificationsQuery, MessagesNotificationsQueryVariables>;
export const NodesNodeDocument = new TypedDocumentString(`
    query NodesNode($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on User {
      username
    }
    ... on Post {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<NodesNodeQuery, NodesNodeQueryVariables>;
export const NodesNodesDocument = new TypedDocumentString(`
    query NodesNodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    id
  }
}
    `) as unknown as TypedDocumentString<NodesNodesQuery, NodesNodesQueryVariables>;
export const NodesPostDocument = new TypedDocumentString(`
    query NodesPost($id: ID!) {
  post(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<NodesPostQuery, NodesPostQueryVariables>;
export const NodesDeletePostDocument = new TypedDocumentString(`
    mutation NodesDeletePost($id: ID!) {
  deletePost(id: $id) {
    deletedPostId
  }
}
    `) as unknown as TypedDocumentString<NodesDeletePostMutation, NodesDeletePostMutationVariables>;
export const NodesPageDocument = new TypedDocumentString(`
    query NodesPage($first: Int, $after: String) {
  posts(first: $first, after: $after) {
    edges {
      cursor
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<NodesPageQuery, NodesPageQueryVariables>;
export const ResetRequestDocument = new TypedDocumentString(`
    mutation ResetRequest($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<ResetRequestMutation, ResetRequestMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const ResetLoginDocument = new TypedDocumentString(`
    mutation ResetLogin($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<ResetLoginMutation, ResetLoginMutationVariables>;
export const ResetMeDocument = new TypedDocumentString(`
    query ResetMe {
  me {
    username
  }
}
    `) as unknown as TypedDocumentString<ResetMeQuery, ResetMeQueryVariables>;
export const PostsCreatePostDocument = new TypedDocumentString(`
    mutation PostsCreatePost($body: String!) {
  createPost(body: $body) {
    id
    body
    timestamp
    author {
      username
    }
  }
}
    `) as unknown as TypedDocumentString<PostsCreatePostMutation, PostsCreatePostMutationVariables>;
export const PostsAuthorCountDocument = new TypedDocumentString(`
    query PostsAuthorCount($username: String!) {
  user(username: $username) {
    postCount
  }
}
    `) as unknown as TypedDocumentString<PostsAuthorCountQuery, PostsAuthorCountQueryVariables>;
export const PostsDeletePostDocument = new TypedDocumentString(`
    mutation PostsDeletePost($id: ID!) {
  deletePost(id: $id) {
    deletedPostId
    author {
      postCount
    }
  }
}
    `) as unknown as TypedDocumentString<PostsDeletePostMutation, PostsDeletePostMutationVariables>;
export const PostsPostDocument = new TypedDocumentString(`
    query PostsPost($id: ID!) {
  post(id: $id) {
    id
    body
    author {
      username
    }
  }
}
    `) as unknown as TypedDocumentString<PostsPostQuery, PostsPostQueryVariables>;
export const ProfileUpdateProfileDocument = new TypedDocumentString(`
    mutation ProfileUpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    username
    aboutMe
  }
}
    `) as unknown as TypedDocumentString<ProfileUpdateProfileMutation, ProfileUpdateProfileMutationVariables>;
export const ProfileUserDocument = new TypedDocumentString(`
    query ProfileUser($username: String!) {
  user(username: $username) {
    username
    aboutMe
    lastSeen
  }
}
    `) as unknown as TypedDocumentString<ProfileUserQuery, ProfileUserQueryVariables>;
export const ProfileChangePasswordDocument = new TypedDocumentString(`
    mutation ProfileChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ProfileChangePasswordMutation, ProfileChangePasswordMutationVariables>;
export const ProfileLoginDocument = new TypedDocumentString(`
    mutation ProfileLogin($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<ProfileLoginMutation, ProfileLoginMutationVariables>;
export const ProfileMeDocument = new TypedDocumentString(`
    query ProfileMe {
  me {
    username
    lastSeen
  }
}
    `) as unknown as TypedDocumentString<ProfileMeQuery, ProfileMeQueryVariables>;
export const ProfileMe2Document = new TypedDocumentString(`
    query ProfileMe2 {
  me {
    id
  }
}
    `) as unknown as TypedDocumentString<ProfileMe2Query, ProfileMe2QueryVariables>;
export const RateLimitsLoginDocument = new TypedDocumentString(`
    mutation RateLimitsLogin($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<RateLimitsLoginMutation, RateLimitsLoginMutationVariables>;
export const RateLimitsRegisterDocument = new TypedDocumentString(`
    mutation RateLimitsRegister($input: RegisterInput!) {
  register(input: $input) {
    token
  }
}
    `) as unknown as TypedDocumentString<RateLimitsRegisterMutation, RateLimitsRegisterMutationVariables>;
export const RateLimitsChangePasswordDocument = new TypedDocumentString(`
    mutation RateLimitsChangePassword {
  changePassword(currentPassword: "not it at all", newPassword: "something new")
}
    `) as unknown as TypedDocumentString<RateLimitsChangePasswordMutation, RateLimitsChangePasswordMutationVariables>;
export const RateLimitsUserDocument = new TypedDocumentString(`
    query RateLimitsUser {
  user(username: "flood4") {
    id
  }
}
    `) as unknown as TypedDocumentString<RateLimitsUserQuery, RateLimitsUserQueryVariables>;
export const SearchPostsDocument = new TypedDocumentString(`
    query SearchPosts($query: String!, $order: PostSearchOrder, $first: Int, $after: String) {
  searchPosts(query: $query, order: $order, first: $first, after: $after) {
    nodes {
      id
      body
      author {
        username
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SearchPostsQuery, SearchPostsQueryVariables>;
export const SearchPostsCountDocument = new TypedDocumentString(`
    query SearchPostsCount($query: String!) {
  searchPosts(query: $query) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<SearchPostsCountQuery, SearchPostsCountQueryVariables>;
export const SearchUsersDocument = new TypedDocumentString(`
    query SearchUsers($prefix: String!, $first: Int) {
  searchUsers(prefix: $prefix, first: $first) {
    username
  }
}
    `) as unknown as TypedDocumentString<SearchUsersQuery, SearchUsersQueryVariables>;
export const PostLanguageDocument = new TypedDocumentString(`
    query PostLanguage($id: ID!) {
  post(id: $id) {
    language
  }
}
    `) as unknown as TypedDocumentString<PostLanguageQuery, PostLanguageQueryVariables>;
export const SearchDeletePostDocument = new TypedDocumentString(`
    mutation SearchDeletePost($id: ID!) {
  deletePost(id: $id) {
    deletedPostId
  }
}
    `) as unknown as TypedDocumentString<SearchDeletePostMutation, SearchDeletePostMutationVariables>;
export const SessionsLoginDocument = new TypedDocumentString(`
    mutation SessionsLogin($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<SessionsLoginMutation, SessionsLoginMutationVariables>;
export const SessionsChangePasswordDocument = new TypedDocumentString(`
    mutation SessionsChangePassword($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next)
}
    `) as unknown as TypedDocumentString<SessionsChangePasswordMutation, SessionsChangePasswordMutationVariables>;
export const SessionsMeDocument = new TypedDocumentString(`
    query SessionsMe {
  me {
    id
  }
}
    `) as unknown as TypedDocumentString<SessionsMeQuery, SessionsMeQueryVariables>;
export const SocialFeedDocument = new TypedDocumentString(`
    query SocialFeed($first: Int, $after: String) {
  feed(first: $first, after: $after) {
    nodes {
      id
      body
      author {
        username
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SocialFeedQuery, SocialFeedQueryVariables>;
export const SocialFollowDocument = new TypedDocumentString(`
    mutation SocialFollow($username: String!) {
  follow(username: $username) {
    user {
      username
      followerCount
      viewerIsFollowing
    }
    viewer {
      followingCount
    }
  }
}
    `) as unknown as TypedDocumentString<SocialFollowMutation, SocialFollowMutationVariables>;
export const SocialUnfollowDocument = new TypedDocumentString(`
    mutation SocialUnfollow($username: String!) {
  unfollow(username: $username) {
    user {
      username
      followerCount
      viewerIsFollowing
    }
    viewer {
      followingCount
    }
  }
}
    `) as unknown as TypedDocumentString<SocialUnfollowMutation, SocialUnfollowMutationVariables>;
export const SocialUserDocument = new TypedDocumentString(`
    query SocialUser($username: String!) {
  user(username: $username) {
    isViewer
    viewerIsFollowing
    followerCount
    followingCount
  }
}
    `) as unknown as TypedDocumentString<SocialUserQuery, SocialUserQueryVariables>;
export const SocialUser2Document = new TypedDocumentString(`
    query SocialUser2($username: String!, $first: Int) {
  user(username: $username) {
    followers(first: $first) {
      totalCount
      nodes {
        username
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    following(first: $first) {
      totalCount
      nodes {
        username
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SocialUser2Query, SocialUser2QueryVariables>;
export const SocialFollowersDocument = new TypedDocumentString(`
    query SocialFollowers($username: String!, $first: Int, $after: String) {
  user(username: $username) {
    followers(first: $first, after: $after) {
      nodes {
        username
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SocialFollowersQuery, SocialFollowersQueryVariables>;
export const SocialFollowingDocument = new TypedDocumentString(`
    query SocialFollowing($username: String!, $first: Int, $after: String) {
  user(username: $username) {
    following(first: $first, after: $after) {
      nodes {
        username
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SocialFollowingQuery, SocialFollowingQueryVariables>;
export const SocialFollow2Document = new TypedDocumentString(`
    mutation SocialFollow2($username: String!) {
  a: follow(username: $username) {
    user {
      followerCount
      viewerIsFollowing
    }
    viewer {
      followingCount
    }
  }
  b: unfollow(username: $username) {
    user {
      followerCount
      viewerIsFollowing
    }
    viewer {
      followingCount
    }
  }
}
    `) as unknown as TypedDocumentString<SocialFollow2Mutation, SocialFollow2MutationVariables>;
export const SocialUsersDocument = new TypedDocumentString(`
    query SocialUsers($first: Int) {
  users(first: $first) {
    nodes {
      followerCount
      followingCount
      postCount
      viewerIsFollowing
      isViewer
    }
  }
}
    `) as unknown as TypedDocumentString<SocialUsersQuery, SocialUsersQueryVariables>;
export const SocialUsers2Document = new TypedDocumentString(`
    query SocialUsers2($first: Int) {
  users(first: $first) {
    nodes {
      followers(first: 3) {
        totalCount
        nodes {
          username
        }
      }
      following(first: 3) {
        nodes {
          username
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SocialUsers2Query, SocialUsers2QueryVariables>;
export const SocialFeed2Document = new TypedDocumentString(`
    query SocialFeed2 {
  feed(first: 0) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<SocialFeed2Query, SocialFeed2QueryVariables>;
export const SocialFeed3Document = new TypedDocumentString(`
    query SocialFeed3($first: Int) {
  feed(first: $first) {
    nodes {
      body
      author {
        username
        followerCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SocialFeed3Query, SocialFeed3QueryVariables>;
export const TextCreatePostDocument = new TypedDocumentString(`
    mutation TextCreatePost($body: String!) {
  createPost(body: $body) {
    id
    body
  }
}
    `) as unknown as TypedDocumentString<TextCreatePostMutation, TextCreatePostMutationVariables>;
export const TextUpdateProfileDocument = new TypedDocumentString(`
    mutation TextUpdateProfile($aboutMe: String) {
  updateProfile(input: {aboutMe: $aboutMe}) {
    aboutMe
  }
}
    `) as unknown as TypedDocumentString<TextUpdateProfileMutation, TextUpdateProfileMutationVariables>;
export const TextRegisterDocument = new TypedDocumentString(`
    mutation TextRegister($input: RegisterInput!) {
  register(input: $input) {
    user {
      username
    }
  }
}
    `) as unknown as TypedDocumentString<TextRegisterMutation, TextRegisterMutationVariables>;
export const TextLoginDocument = new TypedDocumentString(`
    mutation TextLogin($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<TextLoginMutation, TextLoginMutationVariables>;
export const TextPostDocument = new TypedDocumentString(`
    query TextPost($id: ID!) {
  post(id: $id) {
    body
  }
}
    `) as unknown as TypedDocumentString<TextPostQuery, TextPostQueryVariables>;
export const OperationsMeDocument = new TypedDocumentString(`
    query OperationsMe {
  me {
    id
  }
}
    `) as unknown as TypedDocumentString<OperationsMeQuery, OperationsMeQueryVariables>;
export const OperationsRegisterDocument = new TypedDocumentString(`
    mutation OperationsRegister {
  register(
    input: {username: "user1", email: "user1@example.com", password: "password1"}
  ) {
    token
  }
}
    `) as unknown as TypedDocumentString<OperationsRegisterMutation, OperationsRegisterMutationVariables>;
export const OperationsLogin2Document = new TypedDocumentString(`
    mutation OperationsLogin2 {
  login(username: "user1", password: "password1") {
    token
  }
}
    `) as unknown as TypedDocumentString<OperationsLogin2Mutation, OperationsLogin2MutationVariables>;
export const FactoriesRegisterDocument = new TypedDocumentString(`
    mutation FactoriesRegister($input: RegisterInput!) {
  register(input: $input) {
    token
    user {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<FactoriesRegisterMutation, FactoriesRegisterMutationVariables>;
export const FactoriesCreatePostDocument = new TypedDocumentString(`
    mutation FactoriesCreatePost($body: String!) {
  createPost(body: $body) {
    id
    timestamp
  }
}
    `) as unknown as TypedDocumentString<FactoriesCreatePostMutation, FactoriesCreatePostMutationVariables>;
export const FactoriesFollowDocument = new TypedDocumentString(`
    mutation FactoriesFollow($username: String!) {
  follow(username: $username) {
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FactoriesFollowMutation, FactoriesFollowMutationVariables>;
export const TypedCheckProfileDocument = new TypedDocumentString(`
    query TypedCheckProfile($username: String!) {
  user(username: $username) {
    username
    postCount
  }
}
    `) as unknown as TypedDocumentString<TypedCheckProfileQuery, TypedCheckProfileQueryVariables>;