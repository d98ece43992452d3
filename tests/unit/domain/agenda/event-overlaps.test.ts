import type { SectorId } from '../../../../teams-app/domain';
import { compileAgenda, detectOverlaps, eventNameKey, type CandidateEvent } from '../../../../teams-app/domain/agenda';
import { agendaInput, event, richAgenda, update } from './agenda-fixtures';

function candidate(
  key: string,
  name: string,
  sector: SectorId,
  start: string,
  end: string,
  topicId = 'accessibility',
): CandidateEvent {
  return {
    key,
    name,
    start,
    end,
    place: '',
    participants: 1,
    sector,
    topicId,
    topicTitle: { en: topicId },
    updateId: `u-${key}`,
    overlapId: null,
    late: false,
  };
}

describe('event overlaps', () => {
  it('flag the same external event planned by two sectors, whatever the spelling', () => {
    const overlaps = detectOverlaps([
      candidate('a', 'WSIS Forum 2026', 'BDT', '2026-12-07', '2026-12-10'),
      candidate('b', 'wsis  forum — 2026', 'TSB', '2026-12-08', '2026-12-08', 'space'),
    ]);
    expect(overlaps).toEqual([
      expect.objectContaining({
        reason: 'same-event',
        sectors: ['TSB', 'BDT'],
        eventKeys: ['a', 'b'],
        start: '2026-12-07',
        end: '2026-12-10',
        participants: 2,
        decisionNeeded: 'who-represents-itu',
      }),
    ]);
  });

  it('flag overlapping dates on the same topic by different sectors', () => {
    const overlaps = detectOverlaps([
      candidate('a', 'Space Sustainability Summit', 'BR', '2027-01-10', '2027-01-12', 'space'),
      candidate('b', 'UN Space Outreach Week', 'GS', '2027-01-12', '2027-01-14', 'space'),
    ]);
    expect(overlaps.map((o) => [o.reason, o.sectors])).toEqual([['same-dates-and-topic', ['BR', 'GS']]]);
  });

  it('do not flag events that do not overlap', () => {
    expect(
      detectOverlaps([
        candidate('a', 'Space Summit', 'BR', '2027-01-10', '2027-01-12', 'space'),
        candidate('b', 'Space Week', 'GS', '2027-01-13', '2027-01-14', 'space'),
        candidate('c', 'Green Digital Week', 'BDT', '2027-01-10', '2027-01-12', 'climate'),
        candidate('d', 'WSIS Forum 2026', 'TSB', '2026-07-07', '2026-07-10'),
        candidate('e', 'WSIS Forum 2027', 'BDT', '2027-07-07', '2027-07-10'),
      ]),
    ).toEqual([]);
  });

  it('do not flag two events of one sector', () => {
    expect(
      detectOverlaps([
        candidate('a', 'WSIS Forum 2026', 'BDT', '2026-12-07', '2026-12-10'),
        candidate('b', 'WSIS Forum 2026', 'BDT', '2026-12-07', '2026-12-10', 'youth'),
      ]),
    ).toEqual([]);
  });

  it('match a name with and without its year when the dates meet', () => {
    expect(eventNameKey('WSIS Forum 2026').yearless).toBe(eventNameKey('WSIS Forum').yearless);
    const overlaps = detectOverlaps([
      candidate('a', 'WSIS Forum 2026', 'BDT', '2026-12-07', '2026-12-10'),
      candidate('b', 'WSIS Forum', 'GS', '2026-12-09', '2026-12-09', 'youth'),
    ]);
    expect(overlaps.map((o) => o.reason)).toEqual(['same-event']);
  });

  it('appear on the agenda under item 5 with each event pointing at its overlap', () => {
    const events = richAgenda().items.find((i) => i.kind === 'events');
    if (events?.kind !== 'events') throw new Error('no events item');
    expect(events.overlaps.map((o) => [o.id, o.name, o.sectors])).toEqual([
      ['overlap-1', 'WSIS Forum 2026', ['TSB', 'BDT']],
      ['overlap-2', 'Space Sustainability Summit', ['BR', 'GS']],
    ]);
    expect(events.events.filter((e) => e.overlapId === 'overlap-1').map((e) => e.sector)).toEqual(['BDT', 'TSB']);
    expect(events.events.find((e) => e.name === 'COP 31')?.overlapId).toBeNull();
  });

  it('put an overlap that involves a late update into the addendum', () => {
    const agenda = compileAgenda(
      agendaInput({
        updates: [
          update('space', 'BR', { events: [event('IAC 2026', '2026-12-01', '2026-12-03')] }),
          update('space', 'GS', { late: true, events: [event('IAC 2026', '2026-12-01', '2026-12-03')] }),
        ],
      }),
    );
    const main = agenda.items.find((i) => i.kind === 'events');
    const late = agenda.addendum.find((i) => i.kind === 'events');
    expect(main?.kind === 'events' && main.overlaps).toEqual([]);
    expect(main?.kind === 'events' && main.events[0]?.overlapId).toBe('overlap-1');
    expect(late?.kind === 'events' && late.overlaps.map((o) => o.sectors)).toEqual([['BR', 'GS']]);
  });
});
