import { Cron } from 'croner';

/** A job the scheduler runs: derived from data in the store and idempotent, so a rerun is harmless. */
export interface ScheduledJob {
  name: string;
  /** A cron pattern, e.g. every minute: '* * * * *'. */
  pattern: string;
  run(): Promise<unknown>;
}

/** Runs jobs on cron patterns; a job never overlaps itself, a failure is logged and retried at the next tick. */
export class Scheduler {
  private readonly crons: Cron[] = [];
  /** The runs under way, so that stopping can wait for them. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly jobs: ScheduledJob[],
    private readonly log: { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void },
  ) {}

  /** Starts every job and runs each once immediately, so work missed while the server was down is done at start. */
  start(): void {
    for (const job of this.jobs) {
      const cron = new Cron(
        job.pattern,
        { protect: true, catch: (error) => this.log.error({ err: error, job: job.name }, 'scheduled job failed') },
        () => this.track(this.runJob(job)),
      );
      this.crons.push(cron);
      void cron.trigger();
    }
  }

  /** Stops every job and resolves once the runs under way have ended (a failed run was already logged). */
  async stop(): Promise<void> {
    for (const cron of this.crons) cron.stop();
    this.crons.length = 0;
    await Promise.allSettled([...this.running]);
  }

  private async runJob(job: ScheduledJob): Promise<void> {
    const result = await job.run();
    this.log.info({ job: job.name, result }, 'scheduled job ran');
  }

  /** Keeps a run in {@link running} until it ends; returns it, so croner still sees (and logs) its failure. */
  private track(run: Promise<void>): Promise<void> {
    this.running.add(run);
    const forget = () => this.running.delete(run);
    run.then(forget, forget);
    return run;
  }
}
