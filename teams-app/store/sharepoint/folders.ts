import type { BusinessStore } from '../port';

/**
 * The library folder of a meeting's documents: `<body>/<year>/<meeting id>` (the year the meeting starts, UTC);
 * null when the first segment of a document path names no meeting (the annual reports' `reports/`).
 */
export function meetingFolder(store: Pick<BusinessStore, 'meetings'>): (meetingId: string) => Promise<string | null> {
  const folders = new Map<string, string>();
  return async (meetingId) => {
    const known = folders.get(meetingId);
    if (known) return known;
    const meeting = await store.meetings.get(meetingId);
    if (!meeting) return null;
    const folder = `${meeting.body}/${meeting.start.slice(0, 4)}/${meeting.id}`;
    folders.set(meetingId, folder);
    return folder;
  };
}
