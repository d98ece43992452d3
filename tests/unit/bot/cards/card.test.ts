import { adaptiveCard, textBlock } from '../../../../bot/cards/card';

const FSI = '\u2068';
const PDI = '\u2069';

describe('adaptiveCard', () => {
  const body = [
    textBlock('تنزيل agenda-isc-tf-32.docx الآن'),
    { type: 'FactSet', facts: [{ title: 'ملاحظة', value: 'ملاحظة: Please check the draft.' }] },
    { type: 'Input.Text', id: 'progress', label: 'التقدم (BDT)', value: 'قطاع BDT يعرض' },
  ];
  const actions = [{ type: 'Action.Execute', title: 'Submit', verb: 'update.submit', data: { note: 'نص BDT' } }];

  it('isolates the left-to-right runs of shown text in a right-to-left card', () => {
    const content = JSON.stringify(adaptiveCard(body, actions, { rtl: true, lang: 'ar' }).content);
    expect(content).toContain(`تنزيل ${FSI}agenda-isc-tf-32.docx${PDI} الآن`);
    expect(content).toContain(`ملاحظة: ${FSI}Please check the draft${PDI}.`);
    expect(content).toContain(`التقدم (${FSI}BDT${PDI})`);
  });

  it('never changes what an input or an action sends back', () => {
    const card = adaptiveCard(body, actions, { rtl: true }).content as { body: any[]; actions: any[] };
    expect(card.body[2].value).toBe('قطاع BDT يعرض');
    expect(card.actions[0].data).toEqual({ note: 'نص BDT' });
  });

  it('leaves left-to-right cards as they are', () => {
    expect(JSON.stringify(adaptiveCard(body, actions).content)).not.toMatch(/[\u2068\u2069]/);
  });
});
