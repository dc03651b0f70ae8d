/** A background job of `serve`, stoppable: `stop()` waits for the round under way, then runs `release`. */
export type RepeatingJob = { stop(): Promise<void> }

export type RepeatingJobOptions = {
  readonly intervalMs: number
  /** One round. Its failure is reported and the next round still comes. */
  readonly round: () => Promise<unknown>
  readonly onError?: (error: unknown) => void
  /** After the last round, e.g. giving up a lease so another server takes over at once. */
  readonly release?: () => Promise<void>
}

/**
 * A round at start and `intervalMs` after each round ends — never two at once in one process, so a
 * slow round delays the next instead of piling up. The timer does not keep the process alive.
 */
export function startRepeatingJob(options: RepeatingJobOptions): RepeatingJob {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let stopped = false
  const run = () => {
    running = options
      .round()
      .then(
        () => undefined,
        (error: unknown) => options.onError?.(error),
      )
      .finally(() => {
        running = null
        if (stopped) return
        timer = setTimeout(run, options.intervalMs)
        timer.unref()
      })
  }
  run()
  return {
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
      await options.release?.()
    },
  }
}
