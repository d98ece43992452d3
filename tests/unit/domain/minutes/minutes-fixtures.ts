/** Draft minutes of the test meeting (ISC-TF 32 on the rich agenda), compiled from a chat. */
import {
  captureChat,
  compileMinutes,
  type ChatMessage,
  type Minutes,
  type MinutesInput,
} from '../../../../teams-app/domain/minutes';
import { DEMO_PEOPLE } from '../../../../teams-app/store/demo/seed';
import { meeting, NOW, richAgenda, richInput } from '../agenda/agenda-fixtures';
import { KNOWN_PEOPLE } from './chat-fixtures';

/** The minutes of a chat on the rich agenda: the demo register, no roster unless given. */
export function minutesOf(messages: ChatMessage[], overrides: Partial<MinutesInput> = {}): Minutes {
  const input = richInput();
  return compileMinutes({
    meeting: meeting(),
    agenda: richAgenda(),
    captured: captureChat(messages, { people: KNOWN_PEOPLE, itemCount: 8 }),
    participants: [],
    updates: input.updates,
    topics: input.topics,
    people: DEMO_PEOPLE,
    now: NOW,
    ...overrides,
  });
}

/** The number the rich agenda shows an earlier action under in its follow-up item (`isc-tf-31.a2` → 2). */
export function followUpNumberOf(actionId: string): number {
  const item = richAgenda().items.find((candidate) => candidate.kind === 'actions');
  const index = item?.kind === 'actions' ? item.actions.findIndex((action) => action.actionId === actionId) : -1;
  if (index < 0) throw new Error(`no follow-up ${actionId}`);
  return index + 1;
}
