import { globalId } from "../../domain/ids.ts";
import type { TaskResolvers } from "../generated/resolvers-types.ts";

export const Task: TaskResolvers = {
  id: (task) => globalId("Task", task.id),
  downloadUrl: (task, _, { services }) => services.tasks.downloadUrl(task),
};
