import type {
  Caller,
  Meeting,
  Person,
  PromptTarget,
  SectorId,
  StatusUpdate,
  TrackerView,
  UndeliverablePerson,
} from '../../domain';
import type { Stored } from '../../store';
import { nextMeeting, resolveMeeting } from '../lookups';
import type { Actor, CollectionDeps } from './collection-deps';
import type { PromptData } from './collection-messages';
import { collectionTick, type TickResult } from './collection-tick';
import { delegatePrompt } from './delegate';
import { retryUndeliverable, undeliverablePeople, type DeliveryReport } from './delivery';
import { openCollection, type OpenResult } from './open-collection';
import { promptData, summaryData } from './prompts';
import { remind } from './reminders';
import { submitNoChange, submitUpdate, type SubmitInput, type SubmitResult } from './submit-update';
import { slotsOf, type Slot } from './targets';
import { meetingUpdates, tracker } from './tracker';

/**
 * Status collection, one entry point for the bot and the HTTP routes: each method is a use case of its own file
 * (opening, submitting, delegating, reminding, the scheduler's pass, the tracker) run on the injected deps.
 */
export class CollectionService {
  constructor(private readonly deps: CollectionDeps) {}

  /** The meeting that collects next: the soonest upcoming meeting not yet held. */
  nextMeeting(): Promise<Stored<Meeting> | null> {
    return nextMeeting(this.deps.store, this.deps.now());
  }

  /** Finds a meeting by id, by number ("32") or "next". */
  resolveMeeting(ref: string | undefined): Promise<Stored<Meeting>> {
    return resolveMeeting(this.deps.store, this.deps.now(), ref);
  }

  /** Opens (or re-opens) collection and queues every prompt; see {@link openCollection}. */
  open(meetingId: string, actor: Actor): Promise<OpenResult> {
    return openCollection(this.deps, meetingId, actor);
  }

  /** Who could not be reached with a prompt of this meeting, and why. */
  undeliverablePeople(meetingId: string): Promise<UndeliverablePerson[]> {
    return undeliverablePeople(this.deps, meetingId);
  }

  /** Sends again the undeliverable prompts to the people who have since installed the app. */
  retryUndeliverable(meetingId: string, actor: Actor): Promise<DeliveryReport> {
    return retryUndeliverable(this.deps, meetingId, actor);
  }

  /** What the summary card after a submission shows. */
  summaryData(result: SubmitResult, person: Person): PromptData {
    return summaryData(this.deps, result, person);
  }

  /** What a prompt card shows for one person, topic and sector. */
  promptData(
    meeting: Meeting,
    target: Pick<PromptTarget, 'topicId' | 'sector' | 'personId' | 'reason'>,
  ): Promise<PromptData> {
    return promptData(this.deps, meeting, target);
  }

  /** Stores a submission; see {@link submitUpdate}. */
  submit(caller: Caller, raw: SubmitInput): Promise<SubmitResult> {
    return submitUpdate(this.deps, caller, raw);
  }

  /** "No change since last meeting". */
  submitNoChange(
    caller: Caller,
    raw: Pick<SubmitInput, 'meetingId' | 'topicId' | 'sector' | 'baseRevision'>,
  ): Promise<SubmitResult> {
    return submitNoChange(this.deps, caller, raw);
  }

  /** Hands a prompt to the alternate (the focal point only). */
  delegate(caller: Caller, meetingId: string, topicId: string, sector: SectorId): Promise<{ alternate: Person }> {
    return delegatePrompt(this.deps, caller, { meetingId, topicId, sector });
  }

  /** Queues the reminder that is due (if any). */
  remind(meeting: Meeting): Promise<number> {
    return remind(this.deps, meeting);
  }

  /** One scheduler pass over every meeting; see {@link collectionTick}. */
  tick(): Promise<TickResult> {
    return collectionTick(this.deps);
  }

  /** The tracker of a meeting, for anyone the table lets see it. */
  tracker(meetingId: string, caller: Caller): Promise<TrackerView> {
    return tracker(this.deps, meetingId, caller);
  }

  /** The updates of a meeting, for anyone the table lets see them. */
  updates(meetingId: string, caller: Caller): Promise<Stored<StatusUpdate>[]> {
    return meetingUpdates(this.deps, meetingId, caller);
  }

  /** The topic × sector slots a person answers for in a meeting. */
  slotsOf(personId: string, meetingId: string): Promise<Slot[]> {
    return slotsOf(this.deps, personId, meetingId);
  }
}
