import { Readable } from "node:stream";
import type { ExportedPostRow, NewestFirstKey, Repositories, TaskRow, UserRow, UserSummaryRow } from "../db/contract.ts";
import type { JobQueue, JobRun } from "../jobs/queue.ts";
import type { Mailer } from "../mail/mailer.ts";
import { exportEmail } from "../mail/messages.ts";
import { globalId, rowIdOf } from "./ids.ts";
import { newestFirstCursor, readPageArgs, toConnection, type Connection, type PageArgs, type RequestMemo } from "./pagination.ts";
import { requireViewer, type Viewer } from "./viewer.ts";

/** Posts read, and written as one piece of the result, per step: memory stays flat whatever the count. */
export const EXPORT_BATCH = 1_000;
/** Pieces of a result read per statement while it is downloaded (or attached). */
const CHUNKS_PER_READ = 4;
/** Exports of more posts than this (10 MB or so) are emailed as a link only: mail servers refuse bigger messages. */
export const MAX_ATTACHED_POSTS = 50_000;
const EXPORT_DESCRIPTION = "Exporting your posts";
const EXPORT_FAILED = "The export could not be completed; start another.";
const DAY_MS = 86_400_000;

const taskCursor = newestFirstCursor<TaskRow>("tasks", (task) => ({ timestamp: task.createdAt, id: task.id }));

export interface TasksDeps {
  repos: Repositories;
  jobs: JobQueue;
  mailer: Mailer;
  now: () => Date;
  /** Absolute download links start with this; relative ones (a path on this server) when absent. */
  publicUrl?: string;
  exportRetentionDays: number;
}

/** One post as the export writes it, as the seed reads it. */
function exportedPost({ body, timestamp }: ExportedPostRow): string {
  return JSON.stringify({ body, timestamp: timestamp.toISOString() });
}

/** Where the task has got to after `done` of `total` items: below 100 until it is complete. */
function progressOf(done: number, total: number, complete: boolean): number {
  return complete ? 100 : Math.min(99, Math.floor((done * 100) / Math.max(total, 1)));
}

/** Long-running work the signed-in user starts: the posts export (chapter 22). */
export function createTasksService({ repos, jobs, mailer, now, publicUrl, exportRetentionDays }: TasksDeps) {
  /**
   * The export document, `{"posts":[…]}`, streamed from its stored pieces. The first read is done
   * before the stream is handed out, so that a database that cannot answer is told before a response starts.
   */
  async function exportDocument(taskId: number): Promise<Readable> {
    const firstChunks = await repos.tasks.chunks(taskId, -1, CHUNKS_PER_READ);
    return Readable.from(documentFrom(taskId, firstChunks));
  }

  async function* documentFrom(taskId: number, firstChunks: { seq: number; body: string }[]): AsyncGenerator<string> {
    yield '{"posts":[';
    let chunks = firstChunks;
    let separator = "";
    for (;;) {
      for (const chunk of chunks) {
        yield separator + chunk.body;
        separator = ",";
      }
      if (chunks.length < CHUNKS_PER_READ) break;
      chunks = await repos.tasks.chunks(taskId, chunks.at(-1)!.seq, CHUNKS_PER_READ);
    }
    yield "]}";
  }

  async function ownerOf(task: TaskRow): Promise<UserRow | undefined> {
    return (await repos.users.byIds([task.userId]))[0];
  }

  return {
    /** The viewer's unfinished export if there is one; a new one, queued, otherwise. */
    async exportPosts(viewer: Viewer | null): Promise<TaskRow> {
      const { user } = requireViewer(viewer);
      const { task } = await repos.tasks.start(user.id, "export_posts", EXPORT_DESCRIPTION);
      // Queued even when found: its key keeps it single, and a job lost meanwhile is queued again.
      await jobs.add({ name: "export_posts", taskId: task.id });
      return task;
    },

    /** A user's tasks, newest first: for themself only, null for anyone else. */
    async list(viewer: Viewer | null, owner: UserSummaryRow, args: PageArgs, request: RequestMemo): Promise<Connection<TaskRow> | null> {
      if (viewer?.user.id !== owner.id) return null;
      const page = readPageArgs(args, taskCursor);
      const rows = await request.page("tasks", page.request, (read) => repos.tasks.page(owner.id, read));
      return toConnection(rows, page, taskCursor, () => request.memo("tasks:count", () => repos.tasks.count(owner.id)));
    },

    /** Where a complete task's result is downloaded (GET, with the owner's bearer token); null before. */
    downloadUrl(task: TaskRow): string | null {
      if (!task.complete) return null;
      const path = `/exports/${globalId("Task", task.id)}`;
      return publicUrl ? publicUrl + path : path;
    },

    /** The result of the viewer's complete export named by `id`, as a stream; undefined for anything else. */
    async download(viewer: Viewer, id: string): Promise<{ task: TaskRow; body: Readable } | undefined> {
      const taskId = rowIdOf(id, "Task");
      if (taskId === undefined) return undefined;
      const [task] = await repos.tasks.byIdsFor(viewer.user.id, [taskId]);
      if (!task?.complete) return undefined;
      return { task, body: await exportDocument(task.id) };
    },

    /**
     * The export job: the owner's posts, oldest first, a batch per step. Each step writes its piece
     * of the result and the progress in one transaction, so a job taken up again (after a crash, on
     * another worker) goes on from the last step, and a progress notification goes out at every
     * tenth of the way at least, and at the end.
     */
    async runExport(taskId: number, run: JobRun): Promise<void> {
      const [task] = await repos.tasks.byIds([taskId]);
      if (!task || task.error !== null) return;
      if (!task.complete) {
        const owner = await ownerOf(task);
        if (!owner) return;
        const total = Math.max(owner.postCount, task.doneCount);
        // A tenth of the posts at most per step, so that no step moves progress on by more than 10.
        const batch = Math.min(EXPORT_BATCH, Math.max(1, Math.floor(total / 10)));
        const stepPercent = Math.ceil((batch * 100) / Math.max(total, 1));
        let done = task.doneCount;
        let last: NewestFirstKey | undefined = task.lastId === null ? undefined : { timestamp: task.lastTimestamp!, id: task.lastId };
        // Resumed or not, the first step notifies: what was notified last is not known.
        let notified = -10;
        for (;;) {
          if (run.signal.aborted) throw new Error("the export was interrupted (the process is stopping); it goes on later");
          const posts = await repos.tasks.postsOldestFirst(task.userId, { limit: batch, after: last });
          const complete = posts.length < batch;
          const seq = done;
          const fromDoneCount = done;
          done += posts.length;
          if (posts.length > 0) last = { timestamp: posts.at(-1)!.timestamp, id: posts.at(-1)!.id };
          const progress = progressOf(done, total, complete);
          // Notified at each tenth of the way, and before the next step could leave more than 10 unnotified.
          const notify = complete || Math.floor(progress / 10) > Math.floor(notified / 10) || progress + stepPercent > notified + 10;
          const chunk = posts.length > 0 ? { seq, body: posts.map(exportedPost).join(",") } : undefined;
          // Gone (its user deleted, or swept), or moved on by another runner: theirs to finish.
          if (!(await repos.tasks.step({ taskId, fromDoneCount, chunk, progress, doneCount: done, last, complete, notify }))) return;
          if (notify) notified = progress;
          if (complete) break;
        }
      }
      if (mailer.kind !== "none") await jobs.add({ name: "export_email", taskId });
    },

    /** A job that failed for good: its task is marked failed, and its user told. */
    async failed(taskId: number): Promise<void> {
      await repos.tasks.fail(taskId, EXPORT_FAILED);
    },

    /** The export job's email: the document attached (up to MAX_ATTACHED_POSTS posts; a link beyond). */
    async emailExport(taskId: number): Promise<void> {
      const [task] = await repos.tasks.byIds([taskId]);
      const owner = task?.complete ? await ownerOf(task) : undefined;
      if (!task || !owner) return;
      const attached = task.doneCount <= MAX_ATTACHED_POSTS;
      const link = publicUrl ? `${publicUrl}/exports/${globalId("Task", task.id)}` : undefined;
      await mailer.send({
        ...exportEmail(owner, link, attached),
        to: owner.email,
        attachments: attached ? [{ filename: "posts.json", contentType: "application/json", content: await exportDocument(task.id) }] : [],
      });
    },

    /** Queues every unfinished task again (a restart, a lost job); each task's key keeps it single. */
    async resumeUnfinished(): Promise<number> {
      const unfinished = await repos.tasks.unfinished();
      for (const task of unfinished) await jobs.add({ name: "export_posts", taskId: task.id });
      return unfinished.length;
    },

    /** Deletes finished tasks, and their results, past their retention. */
    sweep: () => repos.tasks.sweep(new Date(now().getTime() - exportRetentionDays * DAY_MS)),
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
