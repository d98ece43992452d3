/**
 * Links into the tab at a given view: the tab's own address (`<public URL>/?view=…`, opened in a browser) and the
 * Teams deep link into the app's personal tab, which carries the same view as its sub-page (`subEntityId`) so the
 * tab opens inside Teams on it.
 */

/** The Teams app id of ISC Coordinator as the app package uses it unless TEAMS_APP_ID overrides it. */
export const DEFAULT_TEAMS_APP_ID = '31cea51d-8e61-48a5-bf47-22e9b5360041';

/** The entity id of the app's personal (static) tab in the manifest, where deep links land. */
export const STATIC_TAB_ENTITY_ID = 'register';

/** The views of the meeting workspace a link can open. */
export const TAB_MEETING_VIEWS = ['tracker', 'agenda', 'minutes'] as const;
export type TabMeetingView = (typeof TAB_MEETING_VIEWS)[number];

/** Where a link opens the tab: a focal point's work, the register (on one topic), or a meeting's view. */
export type TabTarget =
  { view: 'mywork' } | { view: 'register'; topicId?: string } | { view: TabMeetingView; meetingId: string };

/** What links into the tab need: the tab's public address and, inside Teams, the app's id (null: no deep links). */
export interface TabLinks {
  publicUrl: string;
  teamsAppId: string | null;
}

/** The query string (without `?`) the tab reads a target from: `view=tracker&meeting=…`, `view=register&topic=…`. */
export function tabQuery(target: TabTarget): string {
  const params = new URLSearchParams({ view: target.view });
  if ('meetingId' in target) params.set('meeting', target.meetingId);
  if (target.view === 'register' && target.topicId) params.set('topic', target.topicId);
  return params.toString();
}

/** The tab's own address at a target, for a browser (and the deep link's fallback). */
export function tabUrl(links: TabLinks, target: TabTarget): string {
  return `${links.publicUrl.replace(/\/+$/, '')}/?${tabQuery(target)}`;
}

/**
 * The Teams deep link that opens the app's personal tab at a target (the target's query string is the sub-page
 * id the tab reads from its Teams context), labelled `label`; null when no Teams app id is configured.
 */
export function teamsDeepLink(links: TabLinks, target: TabTarget, label: string): string | null {
  if (!links.teamsAppId) return null;
  const context = JSON.stringify({ subEntityId: tabQuery(target) });
  return (
    `https://teams.microsoft.com/l/entity/${encode(links.teamsAppId)}/${STATIC_TAB_ENTITY_ID}` +
    `?webUrl=${encode(tabUrl(links, target))}&label=${encode(label)}&context=${encode(context)}`
  );
}

/** Encodes a query value, brackets and quotes included, so the link also holds inside a Markdown link. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The link a card shows: the Teams deep link when the app id is known, else the tab's own address. */
export function tabLink(links: TabLinks, target: TabTarget, label: string): string {
  return teamsDeepLink(links, target, label) ?? tabUrl(links, target);
}

/**
 * The query string a deep link's sub-page id names (`?view=…`), or null when it names none of the targets above:
 * the tab then opens where its own address says.
 */
export function subPageSearch(subPageId: string | null | undefined): string | null {
  if (!subPageId || subPageId.length > 500) return null;
  const params = new URLSearchParams(subPageId.replace(/^\?/, ''));
  const view = params.get('view');
  const meetingId = params.get('meeting')?.trim();
  const topicId = params.get('topic')?.trim();
  const meetingView = TAB_MEETING_VIEWS.find((v) => v === view);
  if (view === 'mywork') return `?${tabQuery({ view })}`;
  if (view === 'register') return `?${tabQuery(topicId ? { view, topicId } : { view })}`;
  if (meetingView && meetingId) return `?${tabQuery({ view: meetingView, meetingId })}`;
  return null;
}
