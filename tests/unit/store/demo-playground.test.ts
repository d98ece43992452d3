import fs from 'node:fs';
import path from 'node:path';
import { DEMO_MEETING_CHAT, DEMO_TENANT_ID, demoMeetings } from '../../../teams-app/store/demo/seed';

const PLAYGROUND_CONFIG = fs.readFileSync(path.resolve(__dirname, '../../../.m365agentsplayground.yml'), 'utf8');

/** The value of `key:` in the YAML block that starts with `block:` (or at the top level). */
function yamlValue(key: string, block?: string): string | undefined {
  const text = block ? PLAYGROUND_CONFIG.slice(PLAYGROUND_CONFIG.indexOf(`\n${block}:`)) : PLAYGROUND_CONFIG;
  return text.match(new RegExp(`^\\s*${key}:\\s*(\\S+)`, 'm'))?.[1];
}

describe('the demo data and the Agents Playground', () => {
  it('uses the Playground tenant as the demo tenant and its group chat as the demo meeting chat', () => {
    expect(yamlValue('tenantId')).toBe(DEMO_TENANT_ID);
    expect(yamlValue('id', 'groupChat')).toBe(DEMO_MEETING_CHAT);
  });

  it('links the group chat to the next ISC-TF meeting through the identity its join URL gives', () => {
    const tf32 = demoMeetings(Date.parse('2026-11-24T08:00:00.000Z')).find((m) => m.id === 'isc-tf-32');
    expect(tf32?.teamsMeeting).toEqual({ chatThreadId: DEMO_MEETING_CHAT, meetingId: null });
    expect(tf32?.chatId).toBe(DEMO_MEETING_CHAT);
  });

  it('gives every other demo meeting its own chat identity, not yet linked', () => {
    const others = demoMeetings(Date.parse('2026-11-24T08:00:00.000Z')).filter((m) => m.id !== 'isc-tf-32');
    for (const meeting of others) {
      expect(meeting.chatId).toBeNull();
      expect(meeting.teamsMeeting?.chatThreadId).toBe(`19:meeting_demo-${meeting.id}@thread.v2`);
    }
  });
});
