/** Factories for meeting-chat tests: messages from the demo personas, a minute apart. */
import type { ChatMessage, KnownPerson, MeetingParticipant } from '../../../../teams-app/domain/minutes';
import { DEMO_PEOPLE } from '../../../../teams-app/store/demo/seed';

/** When the test meeting's chat starts. */
export const CHAT_START = Date.parse('2026-12-06T09:00:00.000Z');

/** The Teams sender of a demo persona. */
export function sender(personId: string): ChatMessage['from'] {
  const person = DEMO_PEOPLE.find((p) => p.id === personId);
  if (!person) return { id: `29:${personId}`, name: personId };
  return { id: `29:${person.id}`, name: person.name, aadObjectId: person.aadObjectId };
}

/** A message from a persona at a minute offset from the start of the chat. */
export function message(
  minute: number,
  personId: string,
  text: string,
  overrides: Partial<ChatMessage> = {},
): ChatMessage {
  return {
    id: `msg-${String(minute).padStart(5, '0')}`,
    from: sender(personId),
    text,
    timestamp: new Date(CHAT_START + minute * 60_000).toISOString(),
    ...overrides,
  };
}

/** A chat: one message per [personId, text], a minute apart. */
export function chat(lines: [string, string][]): ChatMessage[] {
  return lines.map(([personId, text], i) => message(i, personId, text));
}

/** The demo personas as the parser knows them. */
export const KNOWN_PEOPLE: KnownPerson[] = DEMO_PEOPLE.map((p) => ({
  id: p.id,
  name: p.name,
  aadObjectId: p.aadObjectId,
}));

/** A roster of the first n personas, as a meeting's participant list gives them. */
export function roster(n: number): MeetingParticipant[] {
  return DEMO_PEOPLE.slice(0, n).map((p) => ({ name: p.name, aadObjectId: p.aadObjectId }));
}

/** A meeting's chat of `count` messages: mostly discussion, with decisions, actions, escalations and pointers. */
export function longChat(count: number): ChatMessage[] {
  const people = ['alex-wilber', 'adele-vance', 'isaiah-langer', 'johanna-lorenz', 'lee-gu', 'lynne-robbins'];
  return Array.from({ length: count }, (_, i) => {
    const k = i % 50;
    const who = k === 0 || k === 10 ? 'patti-fernandez' : (people[i % people.length] ?? 'alex-wilber');
    const text =
      k === 0
        ? `Item ${(Math.floor(i / 50) % 8) + 1}`
        : k === 10
          ? `<p>Decision: point ${i} is agreed.</p>`
          : k === 20
            ? `<p>Action: <at id="0">Alex Wilber</at> to follow up point ${i} by 15/12/2026</p>`
            : k === 30
              ? `Escalate: point ${i} needs the Coordination Committee.`
              : `<p>Comment ${i}: we discussed the <b>details</b> of the topic &amp; the next steps.</p>`;
    return message(i, who, text);
  });
}
