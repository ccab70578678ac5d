/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation BenchLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": typeof types.BenchLoginDocument,
    "mutation BenchRegister($input: RegisterInput!) { register(input: $input) { token user { id } } }": typeof types.BenchRegisterDocument,
    "query Explore { posts(first: 20) { nodes { id body timestamp author { username avatar } } } }": typeof types.ExploreDocument,
    "query Feed($after: String) {\n  feed(first: 20, after: $after) { nodes { id body timestamp author { username avatar } } pageInfo { endCursor hasNextPage } }\n}": typeof types.FeedDocument,
    "query Profile($username: String!) {\n  user(username: $username) { aboutMe followerCount followingCount postCount posts(first: 10) { nodes { body timestamp } } }\n}": typeof types.ProfileDocument,
    "query Users { users(first: 20) { nodes { username followerCount followingCount postCount viewerIsFollowing } } }": typeof types.UsersDocument,
    "query SearchPostsPage($query: String!, $order: PostSearchOrder!) {\n  searchPosts(query: $query, order: $order, first: 20) { nodes { id body timestamp author { username avatar } } pageInfo { endCursor hasNextPage } }\n}": typeof types.SearchPostsPageDocument,
    "query MentionCompletion($prefix: String!) { searchUsers(prefix: $prefix, first: 10) { username avatar } }": typeof types.MentionCompletionDocument,
    "query Inbox {\n  messages(first: 20) { nodes { id body timestamp sender { username avatar } } pageInfo { endCursor hasNextPage } }\n}": typeof types.InboxDocument,
    "mutation SendMessage($to: String!, $body: String!) { sendMessage(to: $to, body: $body) { id timestamp } }": typeof types.SendMessageDocument,
    "mutation CreatePost($body: String!) { createPost(body: $body) { id timestamp } }": typeof types.CreatePostDocument,
    "mutation AbuseRegister ($input: RegisterInput!) { register(input: $input) { user { username } } }": typeof types.AbuseRegisterDocument,
    "query AbuseMe { me { id } }": typeof types.AbuseMeDocument,
    "\n  mutation ApolloClientRegister($input: RegisterInput!) {\n    register(input: $input) { token user { id username } }\n  }\n": typeof types.ApolloClientRegisterDocument,
    "\n  mutation ApolloClientCreatePost($body: String!) { createPost(body: $body) { id body } }\n": typeof types.ApolloClientCreatePostDocument,
    "\n  query ApolloClientProfile($username: String!) { user(username: $username) { id username followerCount postCount } }\n": typeof types.ApolloClientProfileDocument,
    "\n  query ApolloClientMe { me { id username followingCount } }\n": typeof types.ApolloClientMeDocument,
    "\n  mutation ApolloClientFollow($username: String!) {\n    follow(username: $username) { user { id followerCount } viewer { id followingCount } }\n  }\n": typeof types.ApolloClientFollowDocument,
    "\n  query ApolloClientFeed($first: Int, $after: String) {\n    feed(first: $first, after: $after) { edges { cursor node { id body } } pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.ApolloClientFeedDocument,
    "\n  mutation ApolloClientDeletePost($id: ID!) { deletePost(id: $id) { deletedPostId author { id postCount } } }\n": typeof types.ApolloClientDeletePostDocument,
    "\n  query ApolloClientExplore { posts(first: 5) { edges { node { id body } } } }\n": typeof types.ApolloClientExploreDocument,
    "mutation AuthRegister ($input: RegisterInput!) { register(input: $input) { token user { id username email } } }": typeof types.AuthRegisterDocument,
    "mutation AuthLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token user { username } } }": typeof types.AuthLoginDocument,
    "query AuthMe { me { username email } }": typeof types.AuthMeDocument,
    "mutation AuthLogin2 ($u: String!, $p: String!) { login(username: $u, password: $p) { user { email } } }": typeof types.AuthLogin2Document,
    "query AuthPosts { posts { totalCount } }": typeof types.AuthPostsDocument,
    "mutation AuthLogout { logout }": typeof types.AuthLogoutDocument,
    "mutation ClientErrorsRegister($input: RegisterInput!) { register(input: $input) { token } }": typeof types.ClientErrorsRegisterDocument,
    "mutation ClientErrorsUpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { username } }": typeof types.ClientErrorsUpdateProfileDocument,
    "mutation ClientErrorsChangePassword($current: String!, $new: String!) {\n  changePassword(currentPassword: $current, newPassword: $new)\n}": typeof types.ClientErrorsChangePasswordDocument,
    "mutation ClientErrorsLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": typeof types.ClientErrorsLoginDocument,
    "mutation ExportsStart { exportPosts { id name description progress complete error createdAt downloadUrl } }": typeof types.ExportsStartDocument,
    "query ExportsTasks ($username: String!, $first: Int, $after: String) {\n  me { tasks(first: $first, after: $after) { totalCount nodes { id progress complete downloadUrl } pageInfo { hasNextPage endCursor } } }\n  user(username: $username) { tasks { totalCount } }\n}": typeof types.ExportsTasksDocument,
    "query ExportsNode ($id: ID!) { node(id: $id) { __typename ... on Task { progress complete } } }": typeof types.ExportsNodeDocument,
    "subscription ExportsProgress {\n  notificationAdded { __typename ... on TaskProgressNotification { id task { id name progress complete downloadUrl } } }\n}": typeof types.ExportsProgressDocument,
    "query ExportsNotifications {\n  notifications { __typename ... on TaskProgressNotification { task { id progress complete } } }\n}": typeof types.ExportsNotificationsDocument,
    "mutation ExportsResetWithoutRedis ($email: String!) { requestPasswordReset(email: $email) }": typeof types.ExportsResetWithoutRedisDocument,
    "mutation FaultsRegister { register(input: { username: \"steady\", email: \"steady@example.com\", password: \"password1\" }) { token } }": typeof types.FaultsRegisterDocument,
    "mutation FollowLimitsFollow ($username: String!) { follow(username: $username) { user { username viewerIsFollowing } } }": typeof types.FollowLimitsFollowDocument,
    "mutation FollowLimitsUnfollow ($username: String!) { unfollow(username: $username) { user { username } } }": typeof types.FollowLimitsUnfollowDocument,
    "query HostileInputUsers ($after: String) { users(after: $after) { totalCount } }": typeof types.HostileInputUsersDocument,
    "mutation HostileInputUpdateProfile ($u: String!) { updateProfile(input: { username: $u }) { username } }": typeof types.HostileInputUpdateProfileDocument,
    "query HostileInputPosts { posts(first: 1) { nodes { id } pageInfo { endCursor } } }": typeof types.HostileInputPostsDocument,
    "query HostileInputPosts2 ($after: String) { posts(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }": typeof types.HostileInputPosts2Document,
    "query HostileInputPosts3 ($after: String) { posts(first: 1, after: $after) { nodes { id } } }": typeof types.HostileInputPosts3Document,
    "mutation HostileInputCreatePost ($body: String!) { createPost(body: $body) { id } }": typeof types.HostileInputCreatePostDocument,
    "mutation HostileInputCreatePost2 ($body: String!) { createPost(body: $body) { body } }": typeof types.HostileInputCreatePost2Document,
    "query HostileInputUser ($u: String!) { user(username: $u) { id } }": typeof types.HostileInputUserDocument,
    "query LimitsMe { me { posts(first: 1) { nodes { author { posts(first: 1) { totalCount } } } } } }": typeof types.LimitsMeDocument,
    "query LimitsMe2 { me { posts(first: 1) { nodes { author { posts(first: 1) { nodes { id } } } } } } }": typeof types.LimitsMe2Document,
    "query LimitsMe3 { a: me { id } b: me { id } c: me { id } }": typeof types.LimitsMe3Document,
    "query LimitsMe4 { a: me { id } b: me { id } c: me { id } d: me { id } }": typeof types.LimitsMe4Document,
    "query LimitsMe5 { me @include(if: true) { id @include(if: true) username @skip(if: false) } }": typeof types.LimitsMe5Document,
    "query LimitsMe6 { me @include(if: true) { id @include(if: true) username @skip(if: false) email @skip(if: false) } }": typeof types.LimitsMe6Document,
    "query LimitsUsers ($first: Int) { users(first: 10) { nodes { posts(first: $first) { nodes { id } } } } }": typeof types.LimitsUsersDocument,
    "query LimitsSearch ($order: PostSearchOrder, $first: Int) { searchPosts(query: \"word\", order: $order, first: $first) { nodes { id } } }": typeof types.LimitsSearchDocument,
    "query LimitsUsers2 ($first: Int, $deep: Boolean!, $after: String) {\n      users(first: 10, after: $after) { nodes { posts(first: $first) @include(if: $deep) { nodes { id } } } }\n    }": typeof types.LimitsUsers2Document,
    "query LimitsUsers3 { users(first: 100) { nodes { followers(first: 100) { nodes { followers(first: 100) { nodes { username } } } } } } }": typeof types.LimitsUsers3Document,
    "query LimitsUsers4 {\n      users(first: 100) { nodes { username followerCount posts(first: 20) { nodes { body author { username } } } } }\n    }": typeof types.LimitsUsers4Document,
    "query ListsPosts ($first: Int, $after: String) {\n  posts(first: $first, after: $after) { edges { cursor node { id body } } nodes { id } pageInfo { hasNextPage endCursor } }\n}": typeof types.ListsPostsDocument,
    "query ListsUsers ($first: Int, $after: String) {\n  users(first: $first, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } }\n}": typeof types.ListsUsersDocument,
    "query ListsPosts2 { posts(first: 5) { nodes { id } } }": typeof types.ListsPosts2Document,
    "query ListsPosts3 { posts(first: 5) { totalCount nodes { id } } }": typeof types.ListsPosts3Document,
    "query ListsPosts4 { posts(first: 1) { totalCount } }": typeof types.ListsPosts4Document,
    "query ListsPosts5 ($first: Int) { posts(first: $first) { nodes { body author { username avatar } } } }": typeof types.ListsPosts5Document,
    "query ListsAuthorsBeyondCard ($first: Int) { posts(first: $first) { nodes { author { username aboutMe lastSeen } } } }": typeof types.ListsAuthorsBeyondCardDocument,
    "query ListsProfile ($username: String!) { user(username: $username) { username aboutMe lastSeen } }": typeof types.ListsProfileDocument,
    "query ListsUsers2 ($first: Int) {\n        users(first: $first) { totalCount nodes { postCount posts(first: 2) { totalCount nodes { body author { username } } } } }\n      }": typeof types.ListsUsers2Document,
    "query ListsPosts6 { posts(first: 100) { nodes { id timestamp author { username } } } }": typeof types.ListsPosts6Document,
    "query ListsUsers3 { users(first: 20) { nodes { username posts(first: 2) { nodes { id timestamp author { username } } } } } }": typeof types.ListsUsers3Document,
    "query ListsUser ($after: String) { user(username: \"alice\") {\n        postCount posts(first: 2, after: $after) { totalCount nodes { id author { username } } pageInfo { hasNextPage endCursor } }\n      } }": typeof types.ListsUserDocument,
    "query ListsPosts7 { posts(first: 100) { nodes { id author { username } } } }": typeof types.ListsPosts7Document,
    "query ListsUser2 { user(username: \"BOB\") { username postCount } }": typeof types.ListsUser2Document,
    "query ListsUser3 ($u: String!) { user(username: $u) { id } }": typeof types.ListsUser3Document,
    "query ListsUser4 { user(username: \"quiet\") { postCount posts { totalCount nodes { id } } } }": typeof types.ListsUser4Document,
    "query ListsUser5 ($u: String!) { user(username: $u) { email avatar small: avatar(size: 1) large: avatar(size: 2048) } }": typeof types.ListsUser5Document,
    "query ListsUser6 ($s: Int) { user(username: \"carol\") { avatar(size: $s) } }": typeof types.ListsUser6Document,
    "mutation InstancesRegister ($input: RegisterInput!) { register(input: $input) { token user { id username } } }": typeof types.InstancesRegisterDocument,
    "mutation InstancesPost ($body: String!) { createPost(body: $body) { id } }": typeof types.InstancesPostDocument,
    "subscription InstancesFeed { feedPostAdded { body author { username } } }": typeof types.InstancesFeedDocument,
    "mutation InstancesFollow ($username: String!) { follow(username: $username) { user { id } } }": typeof types.InstancesFollowDocument,
    "subscription LiveFeedPostAdded { feedPostAdded { id body author { username } } }": typeof types.LiveFeedPostAddedDocument,
    "subscription LiveMessageReceived { messageReceived { id body sender { username } recipient { username } } }": typeof types.LiveMessageReceivedDocument,
    "\n  subscription LiveNotificationAdded {\n    notificationAdded {\n      __typename\n      id\n      ... on UnreadMessagesNotification { count }\n      ... on NewFollowerNotification { follower { username } }\n    }\n  }\n": typeof types.LiveNotificationAddedDocument,
    "mutation LiveSendMessage ($to: String!, $body: String!) { sendMessage(to: $to, body: $body) { id body } }": typeof types.LiveSendMessageDocument,
    "mutation LiveUnfollow ($username: String!) { unfollow(username: $username) { user { id } } }": typeof types.LiveUnfollowDocument,
    "mutation LiveMarkRead { markMessagesRead { unreadMessageCount } }": typeof types.LiveMarkReadDocument,
    "mutation LiveLogout { logout }": typeof types.LiveLogoutDocument,
    "mutation LiveChangePassword ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }": typeof types.LiveChangePasswordDocument,
    "mutation LiveLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": typeof types.LiveLoginDocument,
    "query LiveCatchUp ($after: ID) { notifications(after: $after, first: 100) { id ... on NewFollowerNotification { follower { username } } } }": typeof types.LiveCatchUpDocument,
    "mutation MessagesSend ($to: String!, $body: String!) {\n  sendMessage(to: $to, body: $body) { id body timestamp sender { username } recipient { username } }\n}": typeof types.MessagesSendDocument,
    "query MessagesInbox ($first: Int, $after: String) {\n  messages(first: $first, after: $after) { totalCount nodes { id body sender { username } } pageInfo { hasNextPage endCursor } }\n}": typeof types.MessagesInboxDocument,
    "query MessagesConversation ($with: String!, $first: Int, $after: String) {\n  conversation(with: $with, first: $first, after: $after) { totalCount nodes { id body sender { username } } pageInfo { hasNextPage endCursor } }\n}": typeof types.MessagesConversationDocument,
    "query MessagesUnread ($username: String!) { me { unreadMessageCount } user(username: $username) { unreadMessageCount } }": typeof types.MessagesUnreadDocument,
    "mutation MessagesMarkRead { markMessagesRead { username unreadMessageCount } }": typeof types.MessagesMarkReadDocument,
    "query MessagesNode ($id: ID!) { node(id: $id) { __typename ... on Message { body } } }": typeof types.MessagesNodeDocument,
    "query MessagesNotifications ($after: ID, $first: Int) {\n  notifications(after: $after, first: $first) {\n    __typename id timestamp\n    ... on UnreadMessagesNotification { count }\n    ... on NewFollowerNotification { follower { username } }\n  }\n}": typeof types.MessagesNotificationsDocument,
    "query NodesNode($id: ID!) {\n  node(id: $id) { __typename id ... on User { username } ... on Post { body } }\n}": typeof types.NodesNodeDocument,
    "query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": typeof types.NodesNodesDocument,
    "query NodesPost($id: ID!) { post(id: $id) { id } }": typeof types.NodesPostDocument,
    "mutation NodesDeletePost($id: ID!) { deletePost(id: $id) { deletedPostId } }": typeof types.NodesDeletePostDocument,
    "query NodesPage($first: Int, $after: String) {\n  posts(first: $first, after: $after) { edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }\n}": typeof types.NodesPageDocument,
    "mutation ResetRequest ($email: String!) { requestPasswordReset(email: $email) }": typeof types.ResetRequestDocument,
    "mutation ResetPassword ($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }": typeof types.ResetPasswordDocument,
    "mutation ResetLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": typeof types.ResetLoginDocument,
    "query ResetMe { me { username } }": typeof types.ResetMeDocument,
    "mutation PostsCreatePost ($body: String!) { createPost(body: $body) { id body timestamp author { username } } }": typeof types.PostsCreatePostDocument,
    "query PostsAuthorCount($username: String!) { user(username: $username) { postCount } }": typeof types.PostsAuthorCountDocument,
    "mutation PostsDeletePost ($id: ID!) { deletePost(id: $id) { deletedPostId author { postCount } } }": typeof types.PostsDeletePostDocument,
    "query PostsPost ($id: ID!) { post(id: $id) { id body author { username } } }": typeof types.PostsPostDocument,
    "mutation ProfileUpdateProfile ($input: UpdateProfileInput!) { updateProfile(input: $input) { username aboutMe } }": typeof types.ProfileUpdateProfileDocument,
    "query ProfileUser ($username: String!) { user(username: $username) { username aboutMe lastSeen } }": typeof types.ProfileUserDocument,
    "mutation ProfileChangePassword ($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n}": typeof types.ProfileChangePasswordDocument,
    "mutation ProfileLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": typeof types.ProfileLoginDocument,
    "query ProfileMe { me { username lastSeen } }": typeof types.ProfileMeDocument,
    "query ProfileMe2 { me { id } }": typeof types.ProfileMe2Document,
    "mutation RateLimitsLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": typeof types.RateLimitsLoginDocument,
    "mutation RateLimitsRegister ($input: RegisterInput!) { register(input: $input) { token } }": typeof types.RateLimitsRegisterDocument,
    "mutation RateLimitsChangePassword { changePassword(currentPassword: \"not it at all\", newPassword: \"something new\") }": typeof types.RateLimitsChangePasswordDocument,
    "query RateLimitsUser { user(username: \"flood4\") { id } }": typeof types.RateLimitsUserDocument,
    "query SearchPosts ($query: String!, $order: PostSearchOrder, $first: Int, $after: String) {\n  searchPosts(query: $query, order: $order, first: $first, after: $after) {\n    nodes { id body author { username } }\n    pageInfo { hasNextPage endCursor }\n  }\n}": typeof types.SearchPostsDocument,
    "query SearchPostsCount ($query: String!) {\n  searchPosts(query: $query) { totalCount }\n}": typeof types.SearchPostsCountDocument,
    "query SearchUsers ($prefix: String!, $first: Int) {\n  searchUsers(prefix: $prefix, first: $first) { username }\n}": typeof types.SearchUsersDocument,
    "query PostLanguage ($id: ID!) {\n  post(id: $id) { language }\n}": typeof types.PostLanguageDocument,
    "mutation SearchDeletePost ($id: ID!) {\n  deletePost(id: $id) { deletedPostId }\n}": typeof types.SearchDeletePostDocument,
    "mutation SessionsLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": typeof types.SessionsLoginDocument,
    "mutation SessionsChangePassword ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }": typeof types.SessionsChangePasswordDocument,
    "query SessionsMe { me { id } }": typeof types.SessionsMeDocument,
    "query SocialFeed ($first: Int, $after: String) {\n  feed(first: $first, after: $after) { nodes { id body author { username } } pageInfo { hasNextPage endCursor } }\n}": typeof types.SocialFeedDocument,
    "mutation SocialFollow ($username: String!) {\n  follow(username: $username) { user { username followerCount viewerIsFollowing } viewer { followingCount } }\n}": typeof types.SocialFollowDocument,
    "mutation SocialUnfollow ($username: String!) {\n  unfollow(username: $username) { user { username followerCount viewerIsFollowing } viewer { followingCount } }\n}": typeof types.SocialUnfollowDocument,
    "query SocialUser ($username: String!) {\n  user(username: $username) { isViewer viewerIsFollowing followerCount followingCount }\n}": typeof types.SocialUserDocument,
    "query SocialUser2 ($username: String!, $first: Int) {\n  user(username: $username) {\n    followers(first: $first) { totalCount nodes { username } pageInfo { hasNextPage endCursor } }\n    following(first: $first) { totalCount nodes { username } pageInfo { hasNextPage endCursor } }\n  }\n}": typeof types.SocialUser2Document,
    "query SocialFollowers($username: String!, $first: Int, $after: String) {\n  user(username: $username) { followers(first: $first, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } } }\n}": typeof types.SocialFollowersDocument,
    "query SocialFollowing($username: String!, $first: Int, $after: String) {\n  user(username: $username) { following(first: $first, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } } }\n}": typeof types.SocialFollowingDocument,
    "mutation SocialFollow2 ($username: String!) {\n        a: follow(username: $username) { user { followerCount viewerIsFollowing } viewer { followingCount } }\n        b: unfollow(username: $username) { user { followerCount viewerIsFollowing } viewer { followingCount } }\n      }": typeof types.SocialFollow2Document,
    "query SocialUsers ($first: Int) {\n      users(first: $first) { nodes { followerCount followingCount postCount viewerIsFollowing isViewer } }\n    }": typeof types.SocialUsersDocument,
    "query SocialUsers2 ($first: Int) {\n      users(first: $first) {\n        nodes { followers(first: 3) { totalCount nodes { username } } following(first: 3) { nodes { username } } }\n      }\n    }": typeof types.SocialUsers2Document,
    "query SocialFeed2 { feed(first: 0) { totalCount } }": typeof types.SocialFeed2Document,
    "query SocialFeed3 ($first: Int) { feed(first: $first) { nodes { body author { username followerCount } } } }": typeof types.SocialFeed3Document,
    "mutation TextCreatePost ($body: String!) { createPost(body: $body) { id body } }": typeof types.TextCreatePostDocument,
    "mutation TextUpdateProfile ($aboutMe: String) { updateProfile(input: { aboutMe: $aboutMe }) { aboutMe } }": typeof types.TextUpdateProfileDocument,
    "mutation TextRegister ($input: RegisterInput!) { register(input: $input) { user { username } } }": typeof types.TextRegisterDocument,
    "mutation TextLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": typeof types.TextLoginDocument,
    "query TextPost ($id: ID!) { post(id: $id) { body } }": typeof types.TextPostDocument,
    "query OperationsMe { me { id } }": typeof types.OperationsMeDocument,
    "mutation OperationsRegister { register(input: { username: \"user1\", email: \"user1@example.com\", password: \"password1\" }) { token } }": typeof types.OperationsRegisterDocument,
    "mutation OperationsLogin2 { login(username: \"user1\", password: \"password1\") { token } }": typeof types.OperationsLogin2Document,
    "mutation FactoriesRegister ($input: RegisterInput!) { register(input: $input) { token user { id username } } }": typeof types.FactoriesRegisterDocument,
    "mutation FactoriesCreatePost ($body: String!) { createPost(body: $body) { id timestamp } }": typeof types.FactoriesCreatePostDocument,
    "mutation FactoriesFollow ($username: String!) { follow(username: $username) { user { id } } }": typeof types.FactoriesFollowDocument,
    "query TypedCheckProfile($username: String!) { user(username: $username) { username postCount } }": typeof types.TypedCheckProfileDocument,
};
const documents: Documents = {
    "mutation BenchLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": types.BenchLoginDocument,
    "mutation BenchRegister($input: RegisterInput!) { register(input: $input) { token user { id } } }": types.BenchRegisterDocument,
    "query Explore { posts(first: 20) { nodes { id body timestamp author { username avatar } } } }": types.ExploreDocument,
    "query Feed($after: String) {\n  feed(first: 20, after: $after) { nodes { id body timestamp author { username avatar } } pageInfo { endCursor hasNextPage } }\n}": types.FeedDocument,
    "query Profile($username: String!) {\n  user(username: $username) { aboutMe followerCount followingCount postCount posts(first: 10) { nodes { body timestamp } } }\n}": types.ProfileDocument,
    "query Users { users(first: 20) { nodes { username followerCount followingCount postCount viewerIsFollowing } } }": types.UsersDocument,
    "query SearchPostsPage($query: String!, $order: PostSearchOrder!) {\n  searchPosts(query: $query, order: $order, first: 20) { nodes { id body timestamp author { username avatar } } pageInfo { endCursor hasNextPage } }\n}": types.SearchPostsPageDocument,
    "query MentionCompletion($prefix: String!) { searchUsers(prefix: $prefix, first: 10) { username avatar } }": types.MentionCompletionDocument,
    "query Inbox {\n  messages(first: 20) { nodes { id body timestamp sender { username avatar } } pageInfo { endCursor hasNextPage } }\n}": types.InboxDocument,
    "mutation SendMessage($to: String!, $body: String!) { sendMessage(to: $to, body: $body) { id timestamp } }": types.SendMessageDocument,
    "mutation CreatePost($body: String!) { createPost(body: $body) { id timestamp } }": types.CreatePostDocument,
    "mutation AbuseRegister ($input: RegisterInput!) { register(input: $input) { user { username } } }": types.AbuseRegisterDocument,
    "query AbuseMe { me { id } }": types.AbuseMeDocument,
    "\n  mutation ApolloClientRegister($input: RegisterInput!) {\n    register(input: $input) { token user { id username } }\n  }\n": types.ApolloClientRegisterDocument,
    "\n  mutation ApolloClientCreatePost($body: String!) { createPost(body: $body) { id body } }\n": types.ApolloClientCreatePostDocument,
    "\n  query ApolloClientProfile($username: String!) { user(username: $username) { id username followerCount postCount } }\n": types.ApolloClientProfileDocument,
    "\n  query ApolloClientMe { me { id username followingCount } }\n": types.ApolloClientMeDocument,
    "\n  mutation ApolloClientFollow($username: String!) {\n    follow(username: $username) { user { id followerCount } viewer { id followingCount } }\n  }\n": types.ApolloClientFollowDocument,
    "\n  query ApolloClientFeed($first: Int, $after: String) {\n    feed(first: $first, after: $after) { edges { cursor node { id body } } pageInfo { hasNextPage endCursor } }\n  }\n": types.ApolloClientFeedDocument,
    "\n  mutation ApolloClientDeletePost($id: ID!) { deletePost(id: $id) { deletedPostId author { id postCount } } }\n": types.ApolloClientDeletePostDocument,
    "\n  query ApolloClientExplore { posts(first: 5) { edges { node { id body } } } }\n": types.ApolloClientExploreDocument,
    "mutation AuthRegister ($input: RegisterInput!) { register(input: $input) { token user { id username email } } }": types.AuthRegisterDocument,
    "mutation AuthLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token user { username } } }": types.AuthLoginDocument,
    "query AuthMe { me { username email } }": types.AuthMeDocument,
    "mutation AuthLogin2 ($u: String!, $p: String!) { login(username: $u, password: $p) { user { email } } }": types.AuthLogin2Document,
    "query AuthPosts { posts { totalCount } }": types.AuthPostsDocument,
    "mutation AuthLogout { logout }": types.AuthLogoutDocument,
    "mutation ClientErrorsRegister($input: RegisterInput!) { register(input: $input) { token } }": types.ClientErrorsRegisterDocument,
    "mutation ClientErrorsUpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { username } }": types.ClientErrorsUpdateProfileDocument,
    "mutation ClientErrorsChangePassword($current: String!, $new: String!) {\n  changePassword(currentPassword: $current, newPassword: $new)\n}": types.ClientErrorsChangePasswordDocument,
    "mutation ClientErrorsLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": types.ClientErrorsLoginDocument,
    "mutation ExportsStart { exportPosts { id name description progress complete error createdAt downloadUrl } }": types.ExportsStartDocument,
    "query ExportsTasks ($username: String!, $first: Int, $after: String) {\n  me { tasks(first: $first, after: $after) { totalCount nodes { id progress complete downloadUrl } pageInfo { hasNextPage endCursor } } }\n  user(username: $username) { tasks { totalCount } }\n}": types.ExportsTasksDocument,
    "query ExportsNode ($id: ID!) { node(id: $id) { __typename ... on Task { progress complete } } }": types.ExportsNodeDocument,
    "subscription ExportsProgress {\n  notificationAdded { __typename ... on TaskProgressNotification { id task { id name progress complete downloadUrl } } }\n}": types.ExportsProgressDocument,
    "query ExportsNotifications {\n  notifications { __typename ... on TaskProgressNotification { task { id progress complete } } }\n}": types.ExportsNotificationsDocument,
    "mutation ExportsResetWithoutRedis ($email: String!) { requestPasswordReset(email: $email) }": types.ExportsResetWithoutRedisDocument,
    "mutation FaultsRegister { register(input: { username: \"steady\", email: \"steady@example.com\", password: \"password1\" }) { token } }": types.FaultsRegisterDocument,
    "mutation FollowLimitsFollow ($username: String!) { follow(username: $username) { user { username viewerIsFollowing } } }": types.FollowLimitsFollowDocument,
    "mutation FollowLimitsUnfollow ($username: String!) { unfollow(username: $username) { user { username } } }": types.FollowLimitsUnfollowDocument,
    "query HostileInputUsers ($after: String) { users(after: $after) { totalCount } }": types.HostileInputUsersDocument,
    "mutation HostileInputUpdateProfile ($u: String!) { updateProfile(input: { username: $u }) { username } }": types.HostileInputUpdateProfileDocument,
    "query HostileInputPosts { posts(first: 1) { nodes { id } pageInfo { endCursor } } }": types.HostileInputPostsDocument,
    "query HostileInputPosts2 ($after: String) { posts(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }": types.HostileInputPosts2Document,
    "query HostileInputPosts3 ($after: String) { posts(first: 1, after: $after) { nodes { id } } }": types.HostileInputPosts3Document,
    "mutation HostileInputCreatePost ($body: String!) { createPost(body: $body) { id } }": types.HostileInputCreatePostDocument,
    "mutation HostileInputCreatePost2 ($body: String!) { createPost(body: $body) { body } }": types.HostileInputCreatePost2Document,
    "query HostileInputUser ($u: String!) { user(username: $u) { id } }": types.HostileInputUserDocument,
    "query LimitsMe { me { posts(first: 1) { nodes { author { posts(first: 1) { totalCount } } } } } }": types.LimitsMeDocument,
    "query LimitsMe2 { me { posts(first: 1) { nodes { author { posts(first: 1) { nodes { id } } } } } } }": types.LimitsMe2Document,
    "query LimitsMe3 { a: me { id } b: me { id } c: me { id } }": types.LimitsMe3Document,
    "query LimitsMe4 { a: me { id } b: me { id } c: me { id } d: me { id } }": types.LimitsMe4Document,
    "query LimitsMe5 { me @include(if: true) { id @include(if: true) username @skip(if: false) } }": types.LimitsMe5Document,
    "query LimitsMe6 { me @include(if: true) { id @include(if: true) username @skip(if: false) email @skip(if: false) } }": types.LimitsMe6Document,
    "query LimitsUsers ($first: Int) { users(first: 10) { nodes { posts(first: $first) { nodes { id } } } } }": types.LimitsUsersDocument,
    "query LimitsSearch ($order: PostSearchOrder, $first: Int) { searchPosts(query: \"word\", order: $order, first: $first) { nodes { id } } }": types.LimitsSearchDocument,
    "query LimitsUsers2 ($first: Int, $deep: Boolean!, $after: String) {\n      users(first: 10, after: $after) { nodes { posts(first: $first) @include(if: $deep) { nodes { id } } } }\n    }": types.LimitsUsers2Document,
    "query LimitsUsers3 { users(first: 100) { nodes { followers(first: 100) { nodes { followers(first: 100) { nodes { username } } } } } } }": types.LimitsUsers3Document,
    "query LimitsUsers4 {\n      users(first: 100) { nodes { username followerCount posts(first: 20) { nodes { body author { username } } } } }\n    }": types.LimitsUsers4Document,
    "query ListsPosts ($first: Int, $after: String) {\n  posts(first: $first, after: $after) { edges { cursor node { id body } } nodes { id } pageInfo { hasNextPage endCursor } }\n}": types.ListsPostsDocument,
    "query ListsUsers ($first: Int, $after: String) {\n  users(first: $first, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } }\n}": types.ListsUsersDocument,
    "query ListsPosts2 { posts(first: 5) { nodes { id } } }": types.ListsPosts2Document,
    "query ListsPosts3 { posts(first: 5) { totalCount nodes { id } } }": types.ListsPosts3Document,
    "query ListsPosts4 { posts(first: 1) { totalCount } }": types.ListsPosts4Document,
    "query ListsPosts5 ($first: Int) { posts(first: $first) { nodes { body author { username avatar } } } }": types.ListsPosts5Document,
    "query ListsAuthorsBeyondCard ($first: Int) { posts(first: $first) { nodes { author { username aboutMe lastSeen } } } }": types.ListsAuthorsBeyondCardDocument,
    "query ListsProfile ($username: String!) { user(username: $username) { username aboutMe lastSeen } }": types.ListsProfileDocument,
    "query ListsUsers2 ($first: Int) {\n        users(first: $first) { totalCount nodes { postCount posts(first: 2) { totalCount nodes { body author { username } } } } }\n      }": types.ListsUsers2Document,
    "query ListsPosts6 { posts(first: 100) { nodes { id timestamp author { username } } } }": types.ListsPosts6Document,
    "query ListsUsers3 { users(first: 20) { nodes { username posts(first: 2) { nodes { id timestamp author { username } } } } } }": types.ListsUsers3Document,
    "query ListsUser ($after: String) { user(username: \"alice\") {\n        postCount posts(first: 2, after: $after) { totalCount nodes { id author { username } } pageInfo { hasNextPage endCursor } }\n      } }": types.ListsUserDocument,
    "query ListsPosts7 { posts(first: 100) { nodes { id author { username } } } }": types.ListsPosts7Document,
    "query ListsUser2 { user(username: \"BOB\") { username postCount } }": types.ListsUser2Document,
    "query ListsUser3 ($u: String!) { user(username: $u) { id } }": types.ListsUser3Document,
    "query ListsUser4 { user(username: \"quiet\") { postCount posts { totalCount nodes { id } } } }": types.ListsUser4Document,
    "query ListsUser5 ($u: String!) { user(username: $u) { email avatar small: avatar(size: 1) large: avatar(size: 2048) } }": types.ListsUser5Document,
    "query ListsUser6 ($s: Int) { user(username: \"carol\") { avatar(size: $s) } }": types.ListsUser6Document,
    "mutation InstancesRegister ($input: RegisterInput!) { register(input: $input) { token user { id username } } }": types.InstancesRegisterDocument,
    "mutation InstancesPost ($body: String!) { createPost(body: $body) { id } }": types.InstancesPostDocument,
    "subscription InstancesFeed { feedPostAdded { body author { username } } }": types.InstancesFeedDocument,
    "mutation InstancesFollow ($username: String!) { follow(username: $username) { user { id } } }": types.InstancesFollowDocument,
    "subscription LiveFeedPostAdded { feedPostAdded { id body author { username } } }": types.LiveFeedPostAddedDocument,
    "subscription LiveMessageReceived { messageReceived { id body sender { username } recipient { username } } }": types.LiveMessageReceivedDocument,
    "\n  subscription LiveNotificationAdded {\n    notificationAdded {\n      __typename\n      id\n      ... on UnreadMessagesNotification { count }\n      ... on NewFollowerNotification { follower { username } }\n    }\n  }\n": types.LiveNotificationAddedDocument,
    "mutation LiveSendMessage ($to: String!, $body: String!) { sendMessage(to: $to, body: $body) { id body } }": types.LiveSendMessageDocument,
    "mutation LiveUnfollow ($username: String!) { unfollow(username: $username) { user { id } } }": types.LiveUnfollowDocument,
    "mutation LiveMarkRead { markMessagesRead { unreadMessageCount } }": types.LiveMarkReadDocument,
    "mutation LiveLogout { logout }": types.LiveLogoutDocument,
    "mutation LiveChangePassword ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }": types.LiveChangePasswordDocument,
    "mutation LiveLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": types.LiveLoginDocument,
    "query LiveCatchUp ($after: ID) { notifications(after: $after, first: 100) { id ... on NewFollowerNotification { follower { username } } } }": types.LiveCatchUpDocument,
    "mutation MessagesSend ($to: String!, $body: String!) {\n  sendMessage(to: $to, body: $body) { id body timestamp sender { username } recipient { username } }\n}": types.MessagesSendDocument,
    "query MessagesInbox ($first: Int, $after: String) {\n  messages(first: $first, after: $after) { totalCount nodes { id body sender { username } } pageInfo { hasNextPage endCursor } }\n}": types.MessagesInboxDocument,
    "query MessagesConversation ($with: String!, $first: Int, $after: String) {\n  conversation(with: $with, first: $first, after: $after) { totalCount nodes { id body sender { username } } pageInfo { hasNextPage endCursor } }\n}": types.MessagesConversationDocument,
    "query MessagesUnread ($username: String!) { me { unreadMessageCount } user(username: $username) { unreadMessageCount } }": types.MessagesUnreadDocument,
    "mutation MessagesMarkRead { markMessagesRead { username unreadMessageCount } }": types.MessagesMarkReadDocument,
    "query MessagesNode ($id: ID!) { node(id: $id) { __typename ... on Message { body } } }": types.MessagesNodeDocument,
    "query MessagesNotifications ($after: ID, $first: Int) {\n  notifications(after: $after, first: $first) {\n    __typename id timestamp\n    ... on UnreadMessagesNotification { count }\n    ... on NewFollowerNotification { follower { username } }\n  }\n}": types.MessagesNotificationsDocument,
    "query NodesNode($id: ID!) {\n  node(id: $id) { __typename id ... on User { username } ... on Post { body } }\n}": types.NodesNodeDocument,
    "query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": types.NodesNodesDocument,
    "query NodesPost($id: ID!) { post(id: $id) { id } }": types.NodesPostDocument,
    "mutation NodesDeletePost($id: ID!) { deletePost(id: $id) { deletedPostId } }": types.NodesDeletePostDocument,
    "query NodesPage($first: Int, $after: String) {\n  posts(first: $first, after: $after) { edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }\n}": types.NodesPageDocument,
    "mutation ResetRequest ($email: String!) { requestPasswordReset(email: $email) }": types.ResetRequestDocument,
    "mutation ResetPassword ($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }": types.ResetPasswordDocument,
    "mutation ResetLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": types.ResetLoginDocument,
    "query ResetMe { me { username } }": types.ResetMeDocument,
    "mutation PostsCreatePost ($body: String!) { createPost(body: $body) { id body timestamp author { username } } }": types.PostsCreatePostDocument,
    "query PostsAuthorCount($username: String!) { user(username: $username) { postCount } }": types.PostsAuthorCountDocument,
    "mutation PostsDeletePost ($id: ID!) { deletePost(id: $id) { deletedPostId author { postCount } } }": types.PostsDeletePostDocument,
    "query PostsPost ($id: ID!) { post(id: $id) { id body author { username } } }": types.PostsPostDocument,
    "mutation ProfileUpdateProfile ($input: UpdateProfileInput!) { updateProfile(input: $input) { username aboutMe } }": types.ProfileUpdateProfileDocument,
    "query ProfileUser ($username: String!) { user(username: $username) { username aboutMe lastSeen } }": types.ProfileUserDocument,
    "mutation ProfileChangePassword ($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n}": types.ProfileChangePasswordDocument,
    "mutation ProfileLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": types.ProfileLoginDocument,
    "query ProfileMe { me { username lastSeen } }": types.ProfileMeDocument,
    "query ProfileMe2 { me { id } }": types.ProfileMe2Document,
    "mutation RateLimitsLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": types.RateLimitsLoginDocument,
    "mutation RateLimitsRegister ($input: RegisterInput!) { register(input: $input) { token } }": types.RateLimitsRegisterDocument,
    "mutation RateLimitsChangePassword { changePassword(currentPassword: \"not it at all\", newPassword: \"something new\") }": types.RateLimitsChangePasswordDocument,
    "query RateLimitsUser { user(username: \"flood4\") { id } }": types.RateLimitsUserDocument,
    "query SearchPosts ($query: String!, $order: PostSearchOrder, $first: Int, $after: String) {\n  searchPosts(query: $query, order: $order, first: $first, after: $after) {\n    nodes { id body author { username } }\n    pageInfo { hasNextPage endCursor }\n  }\n}": types.SearchPostsDocument,
    "query SearchPostsCount ($query: String!) {\n  searchPosts(query: $query) { totalCount }\n}": types.SearchPostsCountDocument,
    "query SearchUsers ($prefix: String!, $first: Int) {\n  searchUsers(prefix: $prefix, first: $first) { username }\n}": types.SearchUsersDocument,
    "query PostLanguage ($id: ID!) {\n  post(id: $id) { language }\n}": types.PostLanguageDocument,
    "mutation SearchDeletePost ($id: ID!) {\n  deletePost(id: $id) { deletedPostId }\n}": types.SearchDeletePostDocument,
    "mutation SessionsLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": types.SessionsLoginDocument,
    "mutation SessionsChangePassword ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }": types.SessionsChangePasswordDocument,
    "query SessionsMe { me { id } }": types.SessionsMeDocument,
    "query SocialFeed ($first: Int, $after: String) {\n  feed(first: $first, after: $after) { nodes { id body author { username } } pageInfo { hasNextPage endCursor } }\n}": types.SocialFeedDocument,
    "mutation SocialFollow ($username: String!) {\n  follow(username: $username) { user { username followerCount viewerIsFollowing } viewer { followingCount } }\n}": types.SocialFollowDocument,
    "mutation SocialUnfollow ($username: String!) {\n  unfollow(username: $username) { user { username followerCount viewerIsFollowing } viewer { followingCount } }\n}": types.SocialUnfollowDocument,
    "query SocialUser ($username: String!) {\n  user(username: $username) { isViewer viewerIsFollowing followerCount followingCount }\n}": types.SocialUserDocument,
    "query SocialUser2 ($username: String!, $first: Int) {\n  user(username: $username) {\n    followers(first: $first) { totalCount nodes { username } pageInfo { hasNextPage endCursor } }\n    following(first: $first) { totalCount nodes { username } pageInfo { hasNextPage endCursor } }\n  }\n}": types.SocialUser2Document,
    "query SocialFollowers($username: String!, $first: Int, $after: String) {\n  user(username: $username) { followers(first: $first, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } } }\n}": types.SocialFollowersDocument,
    "query SocialFollowing($username: String!, $first: Int, $after: String) {\n  user(username: $username) { following(first: $first, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } } }\n}": types.SocialFollowingDocument,
    "mutation SocialFollow2 ($username: String!) {\n        a: follow(username: $username) { user { followerCount viewerIsFollowing } viewer { followingCount } }\n        b: unfollow(username: $username) { user { followerCount viewerIsFollowing } viewer { followingCount } }\n      }": types.SocialFollow2Document,
    "query SocialUsers ($first: Int) {\n      users(first: $first) { nodes { followerCount followingCount postCount viewerIsFollowing isViewer } }\n    }": types.SocialUsersDocument,
    "query SocialUsers2 ($first: Int) {\n      users(first: $first) {\n        nodes { followers(first: 3) { totalCount nodes { username } } following(first: 3) { nodes { username } } }\n      }\n    }": types.SocialUsers2Document,
    "query SocialFeed2 { feed(first: 0) { totalCount } }": types.SocialFeed2Document,
    "query SocialFeed3 ($first: Int) { feed(first: $first) { nodes { body author { username followerCount } } } }": types.SocialFeed3Document,
    "mutation TextCreatePost ($body: String!) { createPost(body: $body) { id body } }": types.TextCreatePostDocument,
    "mutation TextUpdateProfile ($aboutMe: String) { updateProfile(input: { aboutMe: $aboutMe }) { aboutMe } }": types.TextUpdateProfileDocument,
    "mutation TextRegister ($input: RegisterInput!) { register(input: $input) { user { username } } }": types.TextRegisterDocument,
    "mutation TextLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }": types.TextLoginDocument,
    "query TextPost ($id: ID!) { post(id: $id) { body } }": types.TextPostDocument,
    "query OperationsMe { me { id } }": types.OperationsMeDocument,
    "mutation OperationsRegister { register(input: { username: \"user1\", email: \"user1@example.com\", password: \"password1\" }) { token } }": types.OperationsRegisterDocument,
    "mutation OperationsLogin2 { login(username: \"user1\", password: \"password1\") { token } }": types.OperationsLogin2Document,
    "mutation FactoriesRegister ($input: RegisterInput!) { register(input: $input) { token user { id username } } }": types.FactoriesRegisterDocument,
    "mutation FactoriesCreatePost ($body: String!) { createPost(body: $body) { id timestamp } }": types.FactoriesCreatePostDocument,
    "mutation FactoriesFollow ($username: String!) { follow(username: $username) { user { id } } }": types.FactoriesFollowDocument,
    "query TypedCheckProfile($username: String!) { user(username: $username) { username postCount } }": types.TypedCheckProfileDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BenchLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token } }"): typeof import('./graphql.ts').BenchLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BenchRegister($input: RegisterInput!) { register(input: $input) { token user { id } } }"): typeof import('./graphql.ts').BenchRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Explore { posts(first: 20) { nodes { id body timestamp author { username avatar } } } }"): typeof import('./graphql.ts').ExploreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Feed($after: String) {\n  feed(first: 20, after: $after) { nodes { id body timestamp author { username avatar } } pageInfo { endCursor hasNextPage } }\n}"): typeof import('./graphql.ts').FeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Profile($username: String!) {\n  user(username: $username) { aboutMe followerCount followingCount postCount posts(first: 10) { nodes { body timestamp } } }\n}"): typeof import('./graphql.ts').ProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Users { users(first: 20) { nodes { username followerCount followingCount postCount viewerIsFollowing } } }"): typeof import('./graphql.ts').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPostsPage($query: String!, $order: PostSearchOrder!) {\n  searchPosts(query: $query, order: $order, first: 20) { nodes { id body timestamp author { username avatar } } pageInfo { endCursor hasNextPage } }\n}"): typeof import('./graphql.ts').SearchPostsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MentionCompletion($prefix: String!) { searchUsers(prefix: $prefix, first: 10) { username avatar } }"): typeof import('./graphql.ts').MentionCompletionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Inbox {\n  messages(first: 20) { nodes { id body timestamp sender { username avatar } } pageInfo { endCursor hasNextPage } }\n}"): typeof import('./graphql.ts').InboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendMessage($to: String!, $body: String!) { sendMessage(to: $to, body: $body) { id timestamp } }"): typeof import('./graphql.ts').SendMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreatePost($body: String!) { createPost(body: $body) { id timestamp } }"): typeof import('./graphql.ts').CreatePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AbuseRegister ($input: RegisterInput!) { register(input: $input) { user { username } } }"): typeof import('./graphql.ts').AbuseRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AbuseMe { me { id } }"): typeof import('./graphql.ts').AbuseMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApolloClientRegister($input: RegisterInput!) {\n    register(input: $input) { token user { id username } }\n  }\n"): typeof import('./graphql.ts').ApolloClientRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApolloClientCreatePost($body: String!) { createPost(body: $body) { id body } }\n"): typeof import('./graphql.ts').ApolloClientCreatePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApolloClientProfile($username: String!) { user(username: $username) { id username followerCount postCount } }\n"): typeof import('./graphql.ts').ApolloClientProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApolloClientMe { me { id username followingCount } }\n"): typeof import('./graphql.ts').ApolloClientMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApolloClientFollow($username: String!) {\n    follow(username: $username) { user { id followerCount } viewer { id followingCount } }\n  }\n"): typeof import('./graphql.ts').ApolloClientFollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApolloClientFeed($first: Int, $after: String) {\n    feed(first: $first, after: $after) { edges { cursor node { id body } } pageInfo { hasNextPage endCursor } }\n  }\n"): typeof import('./graphql.ts').ApolloClientFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApolloClientDeletePost($id: ID!) { deletePost(id: $id) { deletedPostId author { id postCount } } }\n"): typeof import('./graphql.ts').ApolloClientDeletePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApolloClientExplore { posts(first: 5) { edges { node { id body } } } }\n"): typeof import('./graphql.ts').ApolloClientExploreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthRegister ($input: RegisterInput!) { register(input: $input) { token user { id username email } } }"): typeof import('./graphql.ts').AuthRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token user { username } } }"): typeof import('./graphql.ts').AuthLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuthMe { me { username email } }"): typeof import('./graphql.ts').AuthMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthLogin2 ($u: String!, $p: String!) { login(username: $u, password: $p) { user { email } } }"): typeof import('./graphql.ts').AuthLogin2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuthPosts { posts { totalCount } }"): typeof import('./graphql.ts').AuthPostsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthLogout { logout }"): typeof import('./graphql.ts').AuthLogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientErrorsRegister($input: RegisterInput!) { register(input: $input) { token } }"): typeof import('./graphql.ts').ClientErrorsRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientErrorsUpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { username } }"): typeof import('./graphql.ts').ClientErrorsUpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientErrorsChangePassword($current: String!, $new: String!) {\n  changePassword(currentPassword: $current, newPassword: $new)\n}"): typeof import('./graphql.ts').ClientErrorsChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientErrorsLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token } }"): typeof import('./graphql.ts').ClientErrorsLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExportsStart { exportPosts { id name description progress complete error createdAt downloadUrl } }"): typeof import('./graphql.ts').ExportsStartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExportsTasks ($username: String!, $first: Int, $after: String) {\n  me { tasks(first: $first, after: $after) { totalCount nodes { id progress complete downloadUrl } pageInfo { hasNextPage endCursor } } }\n  user(username: $username) { tasks { totalCount } }\n}"): typeof import('./graphql.ts').ExportsTasksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExportsNode ($id: ID!) { node(id: $id) { __typename ... on Task { progress complete } } }"): typeof import('./graphql.ts').ExportsNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ExportsProgress {\n  notificationAdded { __typename ... on TaskProgressNotification { id task { id name progress complete downloadUrl } } }\n}"): typeof import('./graphql.ts').ExportsProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExportsNotifications {\n  notifications { __typename ... on TaskProgressNotification { task { id progress complete } } }\n}"): typeof import('./graphql.ts').ExportsNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExportsResetWithoutRedis ($email: String!) { requestPasswordReset(email: $email) }"): typeof import('./graphql.ts').ExportsResetWithoutRedisDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FaultsRegister { register(input: { username: \"steady\", email: \"steady@example.com\", password: \"password1\" }) { token } }"): typeof import('./graphql.ts').FaultsRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowLimitsFollow ($username: String!) { follow(username: $username) { user { username viewerIsFollowing } } }"): typeof import('./graphql.ts').FollowLimitsFollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowLimitsUnfollow ($username: String!) { unfollow(username: $username) { user { username } } }"): typeof import('./graphql.ts').FollowLimitsUnfollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HostileInputUsers ($after: String) { users(after: $after) { totalCount } }"): typeof import('./graphql.ts').HostileInputUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HostileInputUpdateProfile ($u: String!) { updateProfile(input: { username: $u }) { username } }"): typeof import('./graphql.ts').HostileInputUpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HostileInputPosts { posts(first: 1) { nodes { id } pageInfo { endCursor } } }"): typeof import('./graphql.ts').HostileInputPostsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HostileInputPosts2 ($after: String) { posts(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }"): typeof import('./graphql.ts').HostileInputPosts2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HostileInputPosts3 ($after: String) { posts(first: 1, after: $after) { nodes { id } } }"): typeof import('./graphql.ts').HostileInputPosts3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HostileInputCreatePost ($body: String!) { createPost(body: $body) { id } }"): typeof import('./graphql.ts').HostileInputCreatePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HostileInputCreatePost2 ($body: String!) { createPost(body: $body) { body } }"): typeof import('./graphql.ts').HostileInputCreatePost2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HostileInputUser ($u: String!) { user(username: $u) { id } }"): typeof import('./graphql.ts').HostileInputUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsMe { me { posts(first: 1) { nodes { author { posts(first: 1) { totalCount } } } } } }"): typeof import('./graphql.ts').LimitsMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsMe2 { me { posts(first: 1) { nodes { author { posts(first: 1) { nodes { id } } } } } } }"): typeof import('./graphql.ts').LimitsMe2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsMe3 { a: me { id } b: me { id } c: me { id } }"): typeof import('./graphql.ts').LimitsMe3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsMe4 { a: me { id } b: me { id } c: me { id } d: me { id } }"): typeof import('./graphql.ts').LimitsMe4Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsMe5 { me @include(if: true) { id @include(if: true) username @skip(if: false) } }"): typeof import('./graphql.ts').LimitsMe5Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsMe6 { me @include(if: true) { id @include(if: true) username @skip(if: false) email @skip(if: false) } }"): typeof import('./graphql.ts').LimitsMe6Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsUsers ($first: Int) { users(first: 10) { nodes { posts(first: $first) { nodes { id } } } } }"): typeof import('./graphql.ts').LimitsUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsSearch ($order: PostSearchOrder, $first: Int) { searchPosts(query: \"word\", order: $order, first: $first) { nodes { id } } }"): typeof import('./graphql.ts').LimitsSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsUsers2 ($first: Int, $deep: Boolean!, $after: String) {\n      users(first: 10, after: $after) { nodes { posts(first: $first) @include(if: $deep) { nodes { id } } } }\n    }"): typeof import('./graphql.ts').LimitsUsers2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsUsers3 { users(first: 100) { nodes { followers(first: 100) { nodes { followers(first: 100) { nodes { username } } } } } } }"): typeof import('./graphql.ts').LimitsUsers3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsUsers4 {\n      users(first: 100) { nodes { username followerCount posts(first: 20) { nodes { body author { username } } } } }\n    }"): typeof import('./graphql.ts').LimitsUsers4Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsPosts ($first: Int, $after: String) {\n  posts(first: $first, after: $after) { edges { cursor node { id body } } nodes { id } pageInfo { hasNextPage endCursor } }\n}"): typeof import('./graphql.ts').ListsPostsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsUsers ($first: Int, $after: String) {\n  users(first: $first, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } }\n}"): typeof import('./graphql.ts').ListsUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsPosts2 { posts(first: 5) { nodes { id } } }"): typeof import('./graphql.ts').ListsPosts2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsPosts3 { posts(first: 5) { totalCount nodes { id } } }"): typeof import('./graphql.ts').ListsPosts3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsPosts4 { posts(first: 1) { totalCount } }"): typeof import('./graphql.ts').ListsPosts4Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsPosts5 ($first: Int) { posts(first: $first) { nodes { body author { username avatar } } } }"): typeof import('./graphql.ts').ListsPosts5Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsAuthorsBeyondCard ($first: Int) { posts(first: $first) { nodes { author { username aboutMe lastSeen } } } }"): typeof import('./graphql.ts').ListsAuthorsBeyondCardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsProfile ($username: String!) { user(username: $username) { username aboutMe lastSeen } }"): typeof import('./graphql.ts').ListsProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsUsers2 ($first: Int) {\n        users(first: $first) { totalCount nodes { postCount posts(first: 2) { totalCount nodes { body author { username } } } } }\n      }"): typeof import('./graphql.ts').ListsUsers2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsPosts6 { posts(first: 100) { nodes { id timestamp author { username } } } }"): typeof import('./graphql.ts').ListsPosts6Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsUsers3 { users(first: 20) { nodes { username posts(first: 2) { nodes { id timestamp author { username } } } } } }"): typeof import('./graphql.ts').ListsUsers3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsUser ($after: String) { user(username: \"alice\") {\n        postCount posts(first: 2, after: $after) { totalCount nodes { id author { username } } pageInfo { hasNextPage endCursor } }\n      } }"): typeof import('./graphql.ts').ListsUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsPosts7 { posts(first: 100) { nodes { id author { username } } } }"): typeof import('./graphql.ts').ListsPosts7Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsUser2 { user(username: \"BOB\") { username postCount } }"): typeof import('./graphql.ts').ListsUser2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsUser3 ($u: String!) { user(username: $u) { id } }"): typeof import('./graphql.ts').ListsUser3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsUser4 { user(username: \"quiet\") { postCount posts { totalCount nodes { id } } } }"): typeof import('./graphql.ts').ListsUser4Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsUser5 ($u: String!) { user(username: $u) { email avatar small: avatar(size: 1) large: avatar(size: 2048) } }"): typeof import('./graphql.ts').ListsUser5Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListsUser6 ($s: Int) { user(username: \"carol\") { avatar(size: $s) } }"): typeof import('./graphql.ts').ListsUser6Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InstancesRegister ($input: RegisterInput!) { register(input: $input) { token user { id username } } }"): typeof import('./graphql.ts').InstancesRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InstancesPost ($body: String!) { createPost(body: $body) { id } }"): typeof import('./graphql.ts').InstancesPostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription InstancesFeed { feedPostAdded { body author { username } } }"): typeof import('./graphql.ts').InstancesFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InstancesFollow ($username: String!) { follow(username: $username) { user { id } } }"): typeof import('./graphql.ts').InstancesFollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription LiveFeedPostAdded { feedPostAdded { id body author { username } } }"): typeof import('./graphql.ts').LiveFeedPostAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription LiveMessageReceived { messageReceived { id body sender { username } recipient { username } } }"): typeof import('./graphql.ts').LiveMessageReceivedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveNotificationAdded {\n    notificationAdded {\n      __typename\n      id\n      ... on UnreadMessagesNotification { count }\n      ... on NewFollowerNotification { follower { username } }\n    }\n  }\n"): typeof import('./graphql.ts').LiveNotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveSendMessage ($to: String!, $body: String!) { sendMessage(to: $to, body: $body) { id body } }"): typeof import('./graphql.ts').LiveSendMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveUnfollow ($username: String!) { unfollow(username: $username) { user { id } } }"): typeof import('./graphql.ts').LiveUnfollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveMarkRead { markMessagesRead { unreadMessageCount } }"): typeof import('./graphql.ts').LiveMarkReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveLogout { logout }"): typeof import('./graphql.ts').LiveLogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveChangePassword ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }"): typeof import('./graphql.ts').LiveChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }"): typeof import('./graphql.ts').LiveLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LiveCatchUp ($after: ID) { notifications(after: $after, first: 100) { id ... on NewFollowerNotification { follower { username } } } }"): typeof import('./graphql.ts').LiveCatchUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MessagesSend ($to: String!, $body: String!) {\n  sendMessage(to: $to, body: $body) { id body timestamp sender { username } recipient { username } }\n}"): typeof import('./graphql.ts').MessagesSendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MessagesInbox ($first: Int, $after: String) {\n  messages(first: $first, after: $after) { totalCount nodes { id body sender { username } } pageInfo { hasNextPage endCursor } }\n}"): typeof import('./graphql.ts').MessagesInboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MessagesConversation ($with: String!, $first: Int, $after: String) {\n  conversation(with: $with, first: $first, after: $after) { totalCount nodes { id body sender { username } } pageInfo { hasNextPage endCursor } }\n}"): typeof import('./graphql.ts').MessagesConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MessagesUnread ($username: String!) { me { unreadMessageCount } user(username: $username) { unreadMessageCount } }"): typeof import('./graphql.ts').MessagesUnreadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MessagesMarkRead { markMessagesRead { username unreadMessageCount } }"): typeof import('./graphql.ts').MessagesMarkReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MessagesNode ($id: ID!) { node(id: $id) { __typename ... on Message { body } } }"): typeof import('./graphql.ts').MessagesNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MessagesNotifications ($after: ID, $first: Int) {\n  notifications(after: $after, first: $first) {\n    __typename id timestamp\n    ... on UnreadMessagesNotification { count }\n    ... on NewFollowerNotification { follower { username } }\n  }\n}"): typeof import('./graphql.ts').MessagesNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesNode($id: ID!) {\n  node(id: $id) { __typename id ... on User { username } ... on Post { body } }\n}"): typeof import('./graphql.ts').NodesNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"): typeof import('./graphql.ts').NodesNodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesPost($id: ID!) { post(id: $id) { id } }"): typeof import('./graphql.ts').NodesPostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation NodesDeletePost($id: ID!) { deletePost(id: $id) { deletedPostId } }"): typeof import('./graphql.ts').NodesDeletePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesPage($first: Int, $after: String) {\n  posts(first: $first, after: $after) { edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }\n}"): typeof import('./graphql.ts').NodesPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetRequest ($email: String!) { requestPasswordReset(email: $email) }"): typeof import('./graphql.ts').ResetRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetPassword ($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }"): typeof import('./graphql.ts').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }"): typeof import('./graphql.ts').ResetLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResetMe { me { username } }"): typeof import('./graphql.ts').ResetMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostsCreatePost ($body: String!) { createPost(body: $body) { id body timestamp author { username } } }"): typeof import('./graphql.ts').PostsCreatePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PostsAuthorCount($username: String!) { user(username: $username) { postCount } }"): typeof import('./graphql.ts').PostsAuthorCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostsDeletePost ($id: ID!) { deletePost(id: $id) { deletedPostId author { postCount } } }"): typeof import('./graphql.ts').PostsDeletePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PostsPost ($id: ID!) { post(id: $id) { id body author { username } } }"): typeof import('./graphql.ts').PostsPostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProfileUpdateProfile ($input: UpdateProfileInput!) { updateProfile(input: $input) { username aboutMe } }"): typeof import('./graphql.ts').ProfileUpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProfileUser ($username: String!) { user(username: $username) { username aboutMe lastSeen } }"): typeof import('./graphql.ts').ProfileUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProfileChangePassword ($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n}"): typeof import('./graphql.ts').ProfileChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProfileLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }"): typeof import('./graphql.ts').ProfileLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProfileMe { me { username lastSeen } }"): typeof import('./graphql.ts').ProfileMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProfileMe2 { me { id } }"): typeof import('./graphql.ts').ProfileMe2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RateLimitsLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }"): typeof import('./graphql.ts').RateLimitsLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RateLimitsRegister ($input: RegisterInput!) { register(input: $input) { token } }"): typeof import('./graphql.ts').RateLimitsRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RateLimitsChangePassword { changePassword(currentPassword: \"not it at all\", newPassword: \"something new\") }"): typeof import('./graphql.ts').RateLimitsChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RateLimitsUser { user(username: \"flood4\") { id } }"): typeof import('./graphql.ts').RateLimitsUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPosts ($query: String!, $order: PostSearchOrder, $first: Int, $after: String) {\n  searchPosts(query: $query, order: $order, first: $first, after: $after) {\n    nodes { id body author { username } }\n    pageInfo { hasNextPage endCursor }\n  }\n}"): typeof import('./graphql.ts').SearchPostsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPostsCount ($query: String!) {\n  searchPosts(query: $query) { totalCount }\n}"): typeof import('./graphql.ts').SearchPostsCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchUsers ($prefix: String!, $first: Int) {\n  searchUsers(prefix: $prefix, first: $first) { username }\n}"): typeof import('./graphql.ts').SearchUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PostLanguage ($id: ID!) {\n  post(id: $id) { language }\n}"): typeof import('./graphql.ts').PostLanguageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SearchDeletePost ($id: ID!) {\n  deletePost(id: $id) { deletedPostId }\n}"): typeof import('./graphql.ts').SearchDeletePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionsLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }"): typeof import('./graphql.ts').SessionsLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionsChangePassword ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }"): typeof import('./graphql.ts').SessionsChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SessionsMe { me { id } }"): typeof import('./graphql.ts').SessionsMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SocialFeed ($first: Int, $after: String) {\n  feed(first: $first, after: $after) { nodes { id body author { username } } pageInfo { hasNextPage endCursor } }\n}"): typeof import('./graphql.ts').SocialFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SocialFollow ($username: String!) {\n  follow(username: $username) { user { username followerCount viewerIsFollowing } viewer { followingCount } }\n}"): typeof import('./graphql.ts').SocialFollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SocialUnfollow ($username: String!) {\n  unfollow(username: $username) { user { username followerCount viewerIsFollowing } viewer { followingCount } }\n}"): typeof import('./graphql.ts').SocialUnfollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SocialUser ($username: String!) {\n  user(username: $username) { isViewer viewerIsFollowing followerCount followingCount }\n}"): typeof import('./graphql.ts').SocialUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SocialUser2 ($username: String!, $first: Int) {\n  user(username: $username) {\n    followers(first: $first) { totalCount nodes { username } pageInfo { hasNextPage endCursor } }\n    following(first: $first) { totalCount nodes { username } pageInfo { hasNextPage endCursor } }\n  }\n}"): typeof import('./graphql.ts').SocialUser2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SocialFollowers($username: String!, $first: Int, $after: String) {\n  user(username: $username) { followers(first: $first, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } } }\n}"): typeof import('./graphql.ts').SocialFollowersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SocialFollowing($username: String!, $first: Int, $after: String) {\n  user(username: $username) { following(first: $first, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } } }\n}"): typeof import('./graphql.ts').SocialFollowingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SocialFollow2 ($username: String!) {\n        a: follow(username: $username) { user { followerCount viewerIsFollowing } viewer { followingCount } }\n        b: unfollow(username: $username) { user { followerCount viewerIsFollowing } viewer { followingCount } }\n      }"): typeof import('./graphql.ts').SocialFollow2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SocialUsers ($first: Int) {\n      users(first: $first) { nodes { followerCount followingCount postCount viewerIsFollowing isViewer } }\n    }"): typeof import('./graphql.ts').SocialUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SocialUsers2 ($first: Int) {\n      users(first: $first) {\n        nodes { followers(first: 3) { totalCount nodes { username } } following(first: 3) { nodes { username } } }\n      }\n    }"): typeof import('./graphql.ts').SocialUsers2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SocialFeed2 { feed(first: 0) { totalCount } }"): typeof import('./graphql.ts').SocialFeed2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SocialFeed3 ($first: Int) { feed(first: $first) { nodes { body author { username followerCount } } } }"): typeof import('./graphql.ts').SocialFeed3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TextCreatePost ($body: String!) { createPost(body: $body) { id body } }"): typeof import('./graphql.ts').TextCreatePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TextUpdateProfile ($aboutMe: String) { updateProfile(input: { aboutMe: $aboutMe }) { aboutMe } }"): typeof import('./graphql.ts').TextUpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TextRegister ($input: RegisterInput!) { register(input: $input) { user { username } } }"): typeof import('./graphql.ts').TextRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TextLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }"): typeof import('./graphql.ts').TextLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TextPost ($id: ID!) { post(id: $id) { body } }"): typeof import('./graphql.ts').TextPostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OperationsMe { me { id } }"): typeof import('./graphql.ts').OperationsMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OperationsRegister { register(input: { username: \"user1\", email: \"user1@example.com\", password: \"password1\" }) { token } }"): typeof import('./graphql.ts').OperationsRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OperationsLogin2 { login(username: \"user1\", password: \"password1\") { token } }"): typeof import('./graphql.ts').OperationsLogin2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FactoriesRegister ($input: RegisterInput!) { register(input: $input) { token user { id username } } }"): typeof import('./graphql.ts').FactoriesRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FactoriesCreatePost ($body: String!) { createPost(body: $body) { id timestamp } }"): typeof import('./graphql.ts').FactoriesCreatePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FactoriesFollow ($username: String!) { follow(username: $username) { user { id } } }"): typeof import('./graphql.ts').FactoriesFollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TypedCheckProfile($username: String!) { user(username: $username) { username postCount } }"): typeof import('./graphql.ts').TypedCheckProfileDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
