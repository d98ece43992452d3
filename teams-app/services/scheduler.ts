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
        async () => {
          const result = await job.run();
          this.log.info({ job: job.name, result }, 'scheduled job ran');
        },
      );
      this.crons.push(cron);
      void cron.trigger();
    }
  }

  /** Stops every job. */
  stop(): void {
    for (const cron of this.crons) cron.stop();
    this.crons.length = 0;
  }
}
