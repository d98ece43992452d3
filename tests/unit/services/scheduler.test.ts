import { Scheduler, type ScheduledJob } from '../../../teams-app/services/scheduler';

/** A log that keeps what it was given. */
function memoryLog() {
  const entries: { level: 'info' | 'error'; obj: object; msg?: string }[] = [];
  return {
    entries,
    info: (obj: object, msg?: string) => void entries.push({ level: 'info', obj, msg }),
    error: (obj: object, msg?: string) => void entries.push({ level: 'error', obj, msg }),
  };
}

/** A job whose run waits until the test lets it finish. */
function gatedJob(name: string, outcome: 'resolve' | 'reject' = 'resolve') {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started = 0;
  let finished = 0;
  const job: ScheduledJob = {
    name,
    pattern: '0 0 1 1 *', // once a year: only the run at start happens during the test
    async run() {
      started += 1;
      await gate;
      finished += 1;
      if (outcome === 'reject') throw new Error(`${name} failed`);
      return { done: true };
    },
  };
  return { job, release, started: () => started, finished: () => finished };
}

describe('Scheduler', () => {
  let scheduler: Scheduler | undefined;

  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
  });

  it('runs every job once at start and logs what it did', async () => {
    const log = memoryLog();
    const a = gatedJob('a');
    const b = gatedJob('b');
    scheduler = new Scheduler([a.job, b.job], log);
    scheduler.start();
    a.release();
    b.release();
    await scheduler.stop();

    expect([a.finished(), b.finished()]).toEqual([1, 1]);
    expect(log.entries.map((e) => [e.level, (e.obj as { job: string }).job]).sort()).toEqual([
      ['info', 'a'],
      ['info', 'b'],
    ]);
  });

  it('resolves stop() only once the job under way has finished', async () => {
    const job = gatedJob('slow');
    scheduler = new Scheduler([job.job], memoryLog());
    scheduler.start();
    expect(job.started()).toBe(1);

    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);

    job.release();
    await stopping;
    expect(job.finished()).toBe(1);
  });

  it('logs a failed job and still stops cleanly', async () => {
    const log = memoryLog();
    const job = gatedJob('broken', 'reject');
    scheduler = new Scheduler([job.job], log);
    scheduler.start();
    job.release();

    await expect(scheduler.stop()).resolves.toBeUndefined();
    expect(log.entries).toEqual([
      expect.objectContaining({ level: 'error', obj: expect.objectContaining({ job: 'broken' }) }),
    ]);
  });
});
