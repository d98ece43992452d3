/**
 * Which instance runs the singletons (the scheduler). One instance on the embedded store always does
 * (`alwaysLeader`); several instances elect one with a lease (Azure Storage: a blob lease).
 */
export interface LeaderElection {
  /** True while this instance is the leader. */
  readonly isLeader: boolean;
  /**
   * Starts taking part; `onChange(true)` when this instance becomes the leader, `onChange(false)` when it stops
   * being one (awaited before the lease is given up, so two leaders never overlap).
   */
  start(onChange: (leader: boolean) => Promise<void> | void): void;
  /** Stops taking part: steps down (awaiting `onChange(false)`) and gives the lease up. */
  stop(): Promise<void>;
}

/** The single instance's election: it leads from start to stop. */
export function alwaysLeader(): LeaderElection {
  let leader = false;
  let notify: ((leader: boolean) => Promise<void> | void) | undefined;
  return {
    get isLeader() {
      return leader;
    },
    start(onChange) {
      notify = onChange;
      leader = true;
      void onChange(true);
    },
    async stop() {
      if (!leader) return;
      leader = false;
      await notify?.(false);
    },
  };
}
