/** What a configurable tab can show, and the address and Teams configuration of each choice. */
import type { TabConfig } from '../host/host';
import type { Messages } from '../i18n';

/** The views a configured tab opens with. */
export type TabChoice = 'register' | 'meetings' | 'sidepanel';
export const TAB_CHOICES: readonly TabChoice[] = ['register', 'meetings', 'sidepanel'];

/** Teams frame contexts that are part of a meeting. */
const MEETING_FRAMES = new Set(['sidePanel', 'meetingStage']);

/** The choice to start with: the meeting side panel in a meeting, else the topic register. */
export function defaultChoice(meetingId: string | null, frameContext: string | null): TabChoice {
  return meetingId || (frameContext && MEETING_FRAMES.has(frameContext)) ? 'sidepanel' : 'register';
}

/** The absolute address of a choice (`…/?view=meetings`), next to the page being configured. */
export function choiceUrl(choice: TabChoice, base: string = window.location.href): string {
  return new URL(`./?view=${choice}`, base).toString();
}

/** What Teams stores for a choice: its address, an entity id and a display name in the reader's language. */
export function tabConfigOf(choice: TabChoice, t: Messages, base?: string): TabConfig {
  const url = choiceUrl(choice, base);
  return {
    contentUrl: url,
    websiteUrl: url,
    entityId: `isc-${choice}`,
    suggestedDisplayName: t.tabConfig.choices[choice],
  };
}
