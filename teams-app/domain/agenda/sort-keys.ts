import { SECTORS, type SectorId } from '../reference';

/** Compares two strings by UTF-16 code units: the same order on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares case-insensitively first, then exactly, so the order is total and stable. */
export function compareFolded(a: string, b: string): number {
  return compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b);
}

const SECTOR_RANK = new Map<SectorId, number>(SECTORS.map((sector, index) => [sector, index]));

/** Orders sectors the ITU way: BR, TSB, BDT, GS. */
export function compareSectors(a: SectorId, b: SectorId): number {
  return (SECTOR_RANK.get(a) ?? 9) - (SECTOR_RANK.get(b) ?? 9);
}

/** The distinct sectors of a list, in ITU order. */
export function sortedSectors(sectors: Iterable<SectorId>): SectorId[] {
  const present = new Set(sectors);
  return SECTORS.filter((sector) => present.has(sector));
}

/**
 * A name reduced for matching: accents and case removed, punctuation and spacing collapsed
 * ("WSIS Forum — 2026" and "wsis forum 2026" give the same key).
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
