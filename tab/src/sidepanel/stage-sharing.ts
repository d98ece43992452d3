/**
 * Sharing the stage view to the meeting stage from the side panel (teams-js `meeting.shareAppContentToStage`),
 * offered only inside a Teams meeting side panel whose app may share to the stage.
 */
import type { Host } from '../host/host';

/** Puts a page of the app on the meeting stage for everyone in the meeting. */
export interface StageSharing {
  share(url: string): Promise<void>;
}

/** A refusal of the Teams client (no permission, not in a meeting), with its message. */
export class StageShareError extends Error {}

/** The stage view's address for a meeting: what the side panel shares and the stage tab opens. */
export function stageUrl(meetingId: string, origin = window.location.origin): string {
  return `${origin}/?${new URLSearchParams({ view: 'stage', meeting: meetingId }).toString()}`;
}

/** Sharing to the stage when the host supports it here (a Teams side panel with the permission), else null. */
export async function stageSharing(host: Host, timeoutMs = 3000): Promise<StageSharing | null> {
  if (!host.inTeams || host.frameContext !== 'sidePanel') return null;
  const { meeting } = await import('@microsoft/teams-js');
  const allowed = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    try {
      meeting.getAppContentStageSharingCapabilities((error, capabilities) => {
        clearTimeout(timer);
        resolve(!error && capabilities?.doesAppHaveSharePermission === true);
      });
    } catch {
      clearTimeout(timer);
      resolve(false);
    }
  });
  if (!allowed) return null;
  return {
    share: (url) =>
      new Promise<void>((resolve, reject) => {
        try {
          meeting.shareAppContentToStage((error, result) => {
            if (error || !result) reject(new StageShareError(error?.message ?? String(error?.errorCode ?? '')));
            else resolve();
          }, url);
        } catch (error) {
          reject(new StageShareError(error instanceof Error ? error.message : String(error)));
        }
      }),
  };
}
