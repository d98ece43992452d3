/** Agenda and minutes benchmark: compile 200 topics × 4 sectors (and its .docx), and minutes from 2000 chat messages. */
import { compileAgenda } from '../../teams-app/domain/agenda';
import { captureChat, compileMinutes } from '../../teams-app/domain/minutes';
import { agendaDocx } from '../../teams-app/documents';
import { DEMO_PEOPLE } from '../../teams-app/store/demo/seed';
import { largeInput, meeting, NOW, richAgenda, richInput } from '../unit/domain/agenda/agenda-fixtures';
import { KNOWN_PEOPLE, longChat, roster } from '../unit/domain/minutes/chat-fixtures';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(warmup: number, runs: number, work: () => unknown): Promise<number> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return +median(times).toFixed(2);
}

/** Runs the agenda and minutes benchmarks; one result object per figure (median of several runs after warm-up). */
export async function runAgendaBench(): Promise<object[]> {
  const input = largeInput(200);
  const compileMs = await timed(20, 41, () => compileAgenda(input));
  const agenda = compileAgenda(input);
  const docxMs = await timed(2, 7, () => agendaDocx(agenda));

  const messages = longChat(2000);
  const small = richInput();
  const smallAgenda = richAgenda();
  const minutesMs = await timed(5, 21, () =>
    compileMinutes({
      meeting: meeting(),
      agenda: smallAgenda,
      captured: captureChat(messages, { people: KNOWN_PEOPLE }),
      participants: roster(6),
      updates: small.updates,
      topics: small.topics,
      people: DEMO_PEOPLE,
      now: NOW,
    }),
  );
  return [
    { bench: 'agenda-compile', topics: 200, sectors: 4, compile_ms: compileMs, docx_ms: docxMs },
    { bench: 'minutes-compile', chat_messages: 2000, ms: minutesMs },
  ];
}

if (require.main === module) {
  runAgendaBench().then((lines) => lines.forEach((line) => console.log(JSON.stringify(line))));
}
