import { auditEntryOf, changedFields } from '../../../../teams-app/services/admin/audit-trail';
import {
  idFromName,
  normalEtag,
  requireVersion,
  sentFields,
} from '../../../../teams-app/services/admin/record-version';
import { derivedRoles } from '../../../../teams-app/services/admin/people-admin';
import { AppError, TopicPatch } from '../../../../teams-app/domain';

const AT = '2026-11-30T08:00:00.000Z';

describe('the audit trail of a register write', () => {
  it('keeps only the fields a change touched, as they were and as written', () => {
    const before = { id: 'space', description: '', sectors: ['BR'], etag: '3' };
    const after = { id: 'space', description: 'Space sustainability.', sectors: ['BR', 'GS'] };
    expect(changedFields(before, after)).toEqual(['description', 'sectors']);
    expect(
      auditEntryOf({
        actorId: 'megan-bowen',
        action: 'topic.update',
        entity: 'topics',
        entityId: 'space',
        before,
        after,
        at: AT,
      }),
    ).toMatchObject({
      at: AT,
      actorId: 'megan-bowen',
      detail: 'changed: description, sectors',
      before: { description: '', sectors: ['BR'] },
      after: { description: 'Space sustainability.', sectors: ['BR', 'GS'] },
    });
  });

  it('keeps the whole record on a creation and a deletion, never its version tag', () => {
    const record = { id: 'space.BR', focalPointId: null, etag: '7' };
    const created = auditEntryOf({
      actorId: 'a',
      action: 'x',
      entity: 'assignments',
      entityId: 'space.BR',
      before: null,
      after: record,
      at: AT,
    });
    expect(created).toMatchObject({ detail: 'created', before: null, after: { id: 'space.BR', focalPointId: null } });
    expect(created.after).not.toHaveProperty('etag');
    const deleted = auditEntryOf({
      actorId: 'a',
      action: 'x',
      entity: 'assignments',
      entityId: 'space.BR',
      before: record,
      after: null,
      at: AT,
    });
    expect(deleted).toMatchObject({ detail: 'deleted', after: null, before: { id: 'space.BR' } });
  });

  it('counts a field that appears or disappears as changed', () => {
    expect(changedFields({ a: 1 }, { a: 1, vacantSince: '2026-11-30' })).toEqual(['vacantSince']);
    expect(changedFields({ a: 1, b: null }, { a: 1 })).toEqual([]);
  });
});

describe('record versions', () => {
  it('accepts the version tag quoted, weak or bare', () => {
    expect(normalEtag('W/"12"')).toBe('12');
    expect(normalEtag('"12"')).toBe('12');
    expect(() => requireVersion({ etag: '12' }, 'W/"12"', 'topic')).not.toThrow();
  });

  it('refuses a missing version and an older one with their own codes', () => {
    const code = (sent: string | undefined) => {
      try {
        requireVersion({ etag: '12' }, sent, 'topic');
      } catch (error) {
        return (error as AppError).code;
      }
      return null;
    };
    expect(code(undefined)).toBe('store.version-required');
    expect(code('11')).toBe('store.conflict');
  });

  it('makes an id from a name in any script, and applies only the fields a patch sent', () => {
    expect(idFromName('Télécommunications d’urgence')).toBe('telecommunications-d-urgence');
    expect(idFromName('  Space & Sustainability  ')).toBe('space-sustainability');
    const raw = { sinceYear: 2019, etag: '3' };
    expect(sentFields(TopicPatch.parse(raw), raw)).toEqual({ sinceYear: 2019 });
  });
});

describe('derived roles', () => {
  it('adds focal-point while the person answers for a slot, and keeps someone with no role a member', () => {
    expect(derivedRoles(['member'], true)).toEqual(['focal-point', 'member']);
    expect(derivedRoles(['focal-point', 'secretariat'], false)).toEqual(['secretariat']);
    expect(derivedRoles(['focal-point'], false)).toEqual(['member']);
  });
});
