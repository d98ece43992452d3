import { isAppError } from '../../../../teams-app/domain';
import { addItem, Agenda, editItem, itemTitle, moveItem, removeItem } from '../../../../teams-app/domain/agenda';
import { richAgenda } from './agenda-fixtures';

function refusal(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('agenda editing', () => {
  it('moves an item and renumbers every item', () => {
    const agenda = moveItem(richAgenda(), 5, 3);
    expect(agenda.items.map((i) => `${i.number}:${i.id}`)).toEqual([
      '1:opening',
      '2:actions',
      '3:events',
      '4:escalations',
      '5:topic-updates',
      '6:jiu',
      '7:aob',
      '8:next-meeting',
    ]);
    expect(agenda.revision).toBe(2);
    expect(Agenda.safeParse(agenda).success).toBe(true);
  });

  it('moves an item to the end and back again', () => {
    const original = richAgenda();
    const there = moveItem(original, 1, 8);
    expect(there.items[7]?.id).toBe('opening');
    expect(moveItem(there, 8, 1).items).toEqual(original.items);
  });

  it('leaves the original agenda untouched', () => {
    const original = richAgenda();
    const copy = structuredClone(original);
    moveItem(original, 2, 6);
    editItem(original, 'aob', { note: 'Staff news.' });
    expect(original).toEqual(copy);
  });

  it('edits a heading and a note; the standard heading again is no longer an edit', () => {
    const edited = editItem(richAgenda(), 'aob', { title: '  Other matters ', note: 'Staff news.' });
    const aob = edited.items.find((i) => i.id === 'aob');
    expect(aob).toMatchObject({ title: 'Other matters', titleEdited: true, note: 'Staff news.' });
    expect(itemTitle(aob!, 'fr')).toBe('Other matters');
    const restored = editItem(edited, 'aob', { title: 'Any other business' });
    expect(restored.items.find((i) => i.id === 'aob')?.titleEdited).toBe(false);
    expect(
      itemTitle(
        restored.items.find((i) => i.id === 'aob')!,
        'fr',
      ),
    ).toBe('Questions diverses');
  });

  it('takes the standard heading in another language as no edit, so every reader still gets their own', () => {
    const saved = editItem(richAgenda(), 'aob', { title: 'Questions diverses', note: 'Staff news.' });
    const aob = saved.items.find((i) => i.id === 'aob');
    expect(aob?.titleEdited).toBe(false);
    expect(itemTitle(aob!, 'en')).toBe('Any other business');
    expect(itemTitle(aob!, 'ar')).toBe('ما يستجد من أعمال');
    const custom = addItem(richAgenda(), { title: 'Questions diverses' }).items.find((i) => i.kind === 'custom');
    expect(itemTitle(custom!, 'en')).toBe('Questions diverses');
  });

  it('adds a chair’s item before "any other business" by default', () => {
    const agenda = addItem(richAgenda(), { title: 'Preparations for Council 2027' });
    expect(agenda.items.map((i) => i.id).slice(6)).toEqual(['custom-1', 'aob', 'next-meeting']);
    expect(agenda.items[6]).toMatchObject({ number: 7, kind: 'custom', title: 'Preparations for Council 2027' });
    const again = addItem(agenda, { title: 'Second' }, 1);
    expect(again.items[0]?.id).toBe('custom-2');
    expect(Agenda.safeParse(again).success).toBe(true);
  });

  it('removes an item and renumbers the rest', () => {
    const agenda = removeItem(richAgenda(), 'jiu');
    expect(agenda.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(agenda.items.map((i) => i.id)).not.toContain('jiu');
  });

  it('refuses positions outside the agenda, unknown items and invalid changes with a coded error', () => {
    const agenda = richAgenda();
    expect(refusal(() => moveItem(agenda, 0, 3))).toBe('request.invalid');
    expect(refusal(() => moveItem(agenda, 2, 9))).toBe('request.invalid');
    expect(refusal(() => moveItem(agenda, 1.5, 2))).toBe('request.invalid');
    expect(refusal(() => editItem(agenda, 'nope', { note: 'x' }))).toBe('request.invalid');
    expect(refusal(() => editItem(agenda, 'aob', { title: '   ' }))).toBe('request.invalid');
    expect(refusal(() => editItem(agenda, 'aob', { title: 'x'.repeat(301) }))).toBe('request.invalid');
    expect(refusal(() => editItem(agenda, 'aob', { kind: 'custom' } as never))).toBe('request.invalid');
    expect(refusal(() => addItem(agenda, { title: '' }))).toBe('request.invalid');
  });
});
