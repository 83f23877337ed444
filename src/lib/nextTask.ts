/**
 * Resolves in a later task. A dynamic import of a module the browser already has can be evaluated in the same
 * task as the code that asked for it (in its microtasks), so chained imports alone do not split evaluation
 * into tasks: traces showed React and the app, and vis-timeline and its dependencies, each evaluated in one task.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
