import { FSI, isolateLtrRuns, PDI } from '../../../teams-app/domain';

const iso = (text: string) => `${FSI}${text}${PDI}`;

describe('isolateLtrRuns', () => {
  it('isolates a file name and an English note inside Arabic text', () => {
    expect(isolateLtrRuns('تنزيل agenda-isc-tf-32.docx الآن')).toBe(`تنزيل ${iso('agenda-isc-tf-32.docx')} الآن`);
    expect(isolateLtrRuns('ملاحظة: Please check the draft. شكراً')).toBe(
      `ملاحظة: ${iso('Please check the draft')}. شكراً`,
    );
  });

  it('leaves brackets opened outside a run outside it, and keeps a pair inside', () => {
    expect(isolateLtrRuns('القطاع (BDT) يعرض')).toBe(`القطاع (${iso('BDT')}) يعرض`);
    expect(isolateLtrRuns('تقرير WSIS (draft) الآن')).toBe(`تقرير ${iso('WSIS (draft)')} الآن`);
  });

  it('changes neither left-to-right text nor text already isolated', () => {
    expect(isolateLtrRuns('Agenda of the 32nd meeting')).toBe('Agenda of the 32nd meeting');
    const done = `ملف ${iso('a.docx')}`;
    expect(isolateLtrRuns(done)).toBe(done);
  });
});

describe('isolateLtrRuns in card Markdown', () => {
  it('keeps Markdown marks, escapes and entities whole, outside the isolate', () => {
    expect(isolateLtrRuns('**البند 3:** يعرض **BDT** الآن')).toBe(`**البند 3:** يعرض **${iso('BDT')}** الآن`);
    expect(isolateLtrRuns('القطاع \\(BDT\\) يعرض')).toBe(`القطاع \\(${iso('BDT')}\\) يعرض`);
    expect(isolateLtrRuns('يعرض R &amp; D')).toBe(`يعرض ${iso('R &amp; D')}`);
  });
});
