import { and, asc, eq, gt, gte, lt, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { NotificationStatements } from "../../contract.ts";
import { LIMIT } from "../keyset.ts";
import { command, inIdList, query } from "./prepared.ts";
import { notifications } from "./schema.ts";

export function notificationStatements(db: BetterSQLite3Database): NotificationStatements {
  return {
    after: query(
      db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, sql.placeholder("userId")),
            gt(notifications.id, sql.placeholder("afterId")),
            gte(notifications.timestamp, sql`${sql.placeholder("since")}`),
          ),
        )
        .orderBy(asc(notifications.id))
        .limit(LIMIT),
    ),
    byIds: query(db.select().from(notifications).where(inIdList(notifications.id, "ids"))),
    sweep: command(db.delete(notifications).where(lt(notifications.timestamp, sql`${sql.placeholder("before")}`))),
  };
}
