/**
 * Writes run one at a time, in call order, so a handler's read-check-write (e.g. "is this national
 * id taken?") is never interleaved with another write. Reads do not wait.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves when every queued write has finished. */
  async drain(): Promise<void> {
    await this.tail;
  }
}
