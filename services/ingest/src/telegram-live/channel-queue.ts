/**
 * One queue of work per channel: a channel's tasks run one after another (its checkpoint has one
 * writer), different channels' tasks interleave. A task already waiting under the same key is not
 * queued twice, so a burst of live updates costs one catch-up, not one per message.
 */

/** Serial per-channel task queues with coalescing. */
export class ChannelQueue {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly waiting = new Map<string, Set<string>>();

  constructor(private readonly onError: (channelId: string, error: unknown) => void) {}

  /** Queues `work` for the channel unless a task with the same key is already waiting. */
  enqueue(channelId: string, key: string, work: () => Promise<void>): void {
    const keys = this.waiting.get(channelId) ?? new Set<string>();
    if (keys.has(key)) return;
    keys.add(key);
    this.waiting.set(channelId, keys);
    const previous = this.chains.get(channelId) ?? Promise.resolve();
    const next = previous.then(async () => {
      keys.delete(key);
      try {
        await work();
      } catch (error) {
        this.onError(channelId, error);
      }
    });
    this.chains.set(channelId, next);
    void next.then(() => {
      if (this.chains.get(channelId) === next) this.chains.delete(channelId);
    });
  }

  /** Resolves when no task is queued or running (tasks queued meanwhile are waited for too). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }
}
