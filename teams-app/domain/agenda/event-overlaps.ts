import type { SectorId } from '../reference';
import type { EventEntry, EventOverlap } from './agenda-schema';
import { compareFolded, compareSectors, compareText, normaliseName, sortedSectors } from './sort-keys';

/** A reported event with whether it came in late (late events go to the addendum). */
export interface CandidateEvent extends EventEntry {
  late: boolean;
}

/** An overlap and whether a late event is part of it (then it belongs in the addendum). */
export interface DetectedOverlap extends EventOverlap {
  late: boolean;
}

/** The name of an event without years, so "WSIS Forum 2026" and "WSIS Forum" can match when their dates meet. */
export function eventNameKey(name: string): { full: string; yearless: string } {
  const full = normaliseName(name);
  const yearless = full
    .split(' ')
    .filter((word) => !/^(19|20)\d\d$/.test(word))
    .join(' ');
  return { full, yearless: yearless || full };
}

/** True when two date ranges share at least one day. */
export function datesOverlap(a: Pick<EventEntry, 'start' | 'end'>, b: Pick<EventEntry, 'start' | 'end'>): boolean {
  const aEnd = a.end < a.start ? a.start : a.end;
  const bEnd = b.end < b.start ? b.start : b.end;
  return a.start <= bEnd && b.start <= aEnd;
}

/** Orders events by start date, name, sector and key. */
export function compareEvents(a: EventEntry, b: EventEntry): number {
  return (
    compareText(a.start, b.start) ||
    compareFolded(a.name, b.name) ||
    compareSectors(a.sector, b.sector) ||
    compareText(a.key, b.key)
  );
}

function unionFind(size: number): { find: (i: number) => number; union: (a: number, b: number) => void } {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    let node = i;
    while (parent[node] !== root) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  return { find, union };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(index);
    else groups.set(k, [index]);
  });
  return groups;
}

/**
 * Finds events two or more sectors plan to attend: the same external event (normalised names match, and the
 * dates meet unless the names match exactly, years included) or overlapping dates on the same topic. Each
 * overlap asks the meeting to decide who represents ITU.
 */
export function detectOverlaps(candidates: readonly CandidateEvent[]): DetectedOverlap[] {
  const events = [...candidates].sort(compareEvents);
  const keys = events.map((event) => eventNameKey(event.name));
  const { find, union } = unionFind(events.length);

  for (const members of groupBy(keys, (key) => key.yearless).values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i] ?? 0;
        const b = members[j] ?? 0;
        const ea = events[a];
        const eb = events[b];
        if (ea && eb && (keys[a]?.full === keys[b]?.full || datesOverlap(ea, eb))) union(a, b);
      }
    }
  }
  for (const members of groupBy(events, (event) => event.topicId).values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const ea = events[members[i] ?? 0];
        const eb = events[members[j] ?? 0];
        if (ea && eb && ea.sector !== eb.sector && datesOverlap(ea, eb)) union(members[i] ?? 0, members[j] ?? 0);
      }
    }
  }

  const components = new Map<number, number[]>();
  events.forEach((_, index) => {
    const root = find(index);
    const list = components.get(root);
    if (list) list.push(index);
    else components.set(root, [index]);
  });

  const overlaps: Omit<DetectedOverlap, 'id'>[] = [];
  for (const members of components.values()) {
    const group = members.map((index) => events[index]).filter((event): event is CandidateEvent => !!event);
    const sectors: SectorId[] = sortedSectors(group.map((event) => event.sector));
    const first = group[0];
    if (!first || sectors.length < 2) continue;
    const nameKeys = new Set(members.map((index) => keys[index]?.yearless));
    overlaps.push({
      reason: nameKeys.size === 1 ? 'same-event' : 'same-dates-and-topic',
      name: first.name,
      start: group.reduce((min, event) => (event.start < min ? event.start : min), first.start),
      end: group.reduce((max, event) => (event.end > max ? event.end : max), first.end),
      sectors,
      topicIds: [...new Set(group.map((event) => event.topicId))].sort(compareText),
      eventKeys: group.map((event) => event.key),
      participants: group.reduce((sum, event) => sum + event.participants, 0),
      decisionNeeded: 'who-represents-itu',
      late: group.some((event) => event.late),
    });
  }
  overlaps.sort(
    (a, b) =>
      compareText(a.start, b.start) ||
      compareFolded(a.name, b.name) ||
      compareText(a.eventKeys[0] ?? '', b.eventKeys[0] ?? ''),
  );
  return overlaps.map((overlap, index) => ({ id: `overlap-${index + 1}`, ...overlap }));
}
