import { resolutionReference } from '../../../teams-app/domain';

const revisedAtWrc19 = { body: 'WRC', number: '646', revision: 'Rev. WRC-19' } as const;
const ofRa23 = { body: 'RA', number: '2', revision: 'RA-23' } as const;

describe('resolution revisions named by a conference', () => {
  it('keeps them as typed in English', () => {
    expect(resolutionReference(revisedAtWrc19, 'en')).toBe('WRC Res. 646 (Rev. WRC-19)');
    expect(resolutionReference(ofRa23, 'en')).toBe('RA Res. 2 (RA-23)');
  });

  it("names the conference and the revision in the reader's language", () => {
    expect(resolutionReference(revisedAtWrc19, 'fr')).toBe('Rés. 646 (CMR) (Rév. CMR-19)');
    expect(resolutionReference(ofRa23, 'ru')).toBe('Рез. 2 (АР) (АР-23)');
    expect(resolutionReference(revisedAtWrc19, 'zh')).toBe(
      '世界无线电通信大会第646号决议（2019年世界无线电通信大会，修订版）',
    );
    expect(resolutionReference(ofRa23, 'ar')).not.toMatch(/RA|Rev/);
  });

  it('leaves a revision of another shape as typed', () => {
    expect(resolutionReference({ body: 'Council', number: '1', revision: 'C09' }, 'fr')).toBe('Rés. 1 (Conseil) (C09)');
  });
});
