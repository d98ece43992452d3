import { ParsedLine, parseChatLine, parseChatMessage, type ParseContext } from '../../../../teams-app/domain/minutes';
import { DEMO_PEOPLE } from '../../../../teams-app/store/demo/seed';

const context: ParseContext = {
  now: '2026-12-06T09:30:00Z',
  people: DEMO_PEOPLE.map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId })),
};

/** Every part of a message, in order: [kind, text, pointer item or move]. */
function parts(text: string, extra: ParseContext = {}) {
  return parseChatMessage(text, { ...context, ...extra }).map((line) => {
    expect(ParsedLine.safeParse(line).success).toBe(true);
    return [line.kind, line.text, line.pointer ? (line.pointer.item ?? line.pointer.move) : null];
  });
}

function parse(text: string, extra: ParseContext = {}) {
  const line = parseChatLine(text, { ...context, ...extra });
  expect(ParsedLine.safeParse(line).success).toBe(true);
  return line;
}

describe('parseChatLine', () => {
  describe('in English', () => {
    it('captures a decision', () => {
      expect(parse('Decision: BDT represents ITU at the WSIS Forum.')).toMatchObject({
        kind: 'decision',
        language: 'en',
        text: 'BDT represents ITU at the WSIS Forum.',
        problems: [],
      });
    });

    it('captures an action with an @mention owner and an ISO due date', () => {
      const line = parse('Action: <at>Alex Wilber</at> to share the toolkit by 2026-12-15');
      expect(line).toMatchObject({ kind: 'action', text: 'share the toolkit', due: '2026-12-15', problems: [] });
      expect(line.owner).toEqual({
        name: 'Alex Wilber',
        personId: 'alex-wilber',
        aadObjectId: '00000000-0000-0000-0000-0000000000020',
        sector: null,
        mentioned: true,
      });
    });

    it('captures an action with a plain-name owner and a day-first date', () => {
      expect(parse('Action: Isaiah Langer — report on space outreach by 15/12/2026')).toMatchObject({
        owner: { name: 'Isaiah Langer', personId: 'isaiah-langer', mentioned: false },
        text: 'report on space outreach',
        due: '2026-12-15',
        dueText: '15/12/2026',
      });
    });

    it('reads "15 Dec 2026", "Dec 15, 2026" and a date without a year', () => {
      expect(parse('Action: Lee Gu to report by 15 Dec 2026').due).toBe('2026-12-15');
      expect(parse('Action: Lee Gu to report by Dec 15, 2026.').due).toBe('2026-12-15');
      expect(parse('Action: Lee Gu to report by 20 Jan').due).toBe('2027-01-20');
    });

    it('takes a sector or a name before a colon as the owner', () => {
      expect(parse('Action: BDT to circulate the report').owner).toMatchObject({ name: 'BDT', sector: 'BDT' });
      expect(parse('Action: Jane Doe: draft the note').owner).toMatchObject({ name: 'Jane Doe', personId: null });
    });

    it('captures an escalation to the Coordination Committee', () => {
      expect(parse('Escalate: budget for a joint ITU stand at WSIS')).toMatchObject({
        kind: 'escalation',
        text: 'budget for a joint ITU stand at WSIS',
      });
    });

    it('accepts bullets, bold and a capitalised keyword', () => {
      expect(parse('- **DECISION:** adopted').kind).toBe('decision');
      expect(parse('• Action: BDT to follow up').kind).toBe('action');
    });

    it('leaves ordinary chat as a note', () => {
      expect(parse('I think the decision was right: we go ahead.')).toMatchObject({ kind: 'note', language: null });
    });
  });

  describe('in French', () => {
    it('captures "Décision :" with a space before the colon', () => {
      expect(parse('Décision : le BDT représente l’UIT au Forum du SMSI.')).toMatchObject({
        kind: 'decision',
        language: 'fr',
        text: 'le BDT représente l’UIT au Forum du SMSI.',
      });
    });

    it('captures "Action :" with "d’ici le 15 décembre 2026"', () => {
      expect(parse("Action : Adele Vance doit préparer la note d'ici le 15 décembre 2026")).toMatchObject({
        kind: 'action',
        owner: { personId: 'adele-vance' },
        due: '2026-12-15',
        text: 'doit préparer la note',
      });
    });

    it('captures "Escalade :" and "Remonter :"', () => {
      expect(parse('Escalade : financement du stand commun').kind).toBe('escalation');
      expect(parse('Remonter : financement du stand commun').language).toBe('fr');
    });
  });

  describe('in Spanish', () => {
    it('captures "Decisión:", "Acción:" and "Escalar:"', () => {
      expect(parse('Decisión: aprobar el plan').language).toBe('es');
      expect(parse('Acción: Nestor Wilke preparará el informe para el 15 de diciembre de 2026')).toMatchObject({
        kind: 'action',
        language: 'es',
        owner: { personId: 'nestor-wilke' },
        due: '2026-12-15',
      });
      expect(parse('Escalar: presupuesto del stand').kind).toBe('escalation');
    });
  });

  describe('in Russian', () => {
    it('captures "Решение:", "Поручение:" / "Действие:" and "Эскалация:"', () => {
      expect(parse('Решение: утвердить план').language).toBe('ru');
      expect(parse('Поручение: Irvin Sayers подготовить доклад до 15 декабря 2026 г.')).toMatchObject({
        kind: 'action',
        owner: { personId: 'irvin-sayers' },
        due: '2026-12-15',
        text: 'подготовить доклад',
      });
      expect(parse('Действие: BR — обновить страницу к 15.12.2026')).toMatchObject({
        kind: 'action',
        due: '2026-12-15',
      });
      expect(parse('Эскалация: бюджет стенда').kind).toBe('escalation');
    });
  });

  describe('in Chinese', () => {
    it('captures "决定：" with a full-width colon', () => {
      expect(parse('决定：由TSB代表国际电联出席活动')).toMatchObject({
        kind: 'decision',
        language: 'zh',
        text: '由TSB代表国际电联出席活动',
      });
    });

    it('captures "行动项：" with a date written 2026年12月15日前', () => {
      expect(parse('行动项：Lee Gu 于2026年12月15日前提交报告')).toMatchObject({
        kind: 'action',
        owner: { personId: 'lee-gu' },
        due: '2026-12-15',
        text: '提交报告',
      });
      expect(parse('行动：BDT 准备说明').kind).toBe('action');
    });

    it('captures "上报："', () => {
      expect(parse('上报：联合展台预算').kind).toBe('escalation');
    });
  });

  describe('in Arabic', () => {
    it('captures "قرار:", "إجراء:" with Arabic-Indic digits and "تصعيد:"', () => {
      expect(parse('قرار: اعتماد جدول الأعمال')).toMatchObject({
        kind: 'decision',
        language: 'ar',
        text: 'اعتماد جدول الأعمال',
      });
      expect(parse('إجراء: Lynne Robbins إعداد مذكرة بحلول ١٥/١٢/٢٠٢٦')).toMatchObject({
        kind: 'action',
        language: 'ar',
        owner: { personId: 'lynne-robbins' },
        due: '2026-12-15',
        text: 'إعداد مذكرة',
      });
      expect(parse('إجراء: BDT إعداد تقرير بحلول 15 ديسمبر 2026').due).toBe('2026-12-15');
      expect(parse('تصعيد: مسألة التمويل').kind).toBe('escalation');
    });
  });

  describe('pointers', () => {
    it.each([
      ['Item 4', 4, null],
      ['Agenda item 4.2: Accessibility', 4, 2],
      ['Point 5 :', 5, null],
      ['Punto 3', 3, null],
      ['Пункт 6', 6, null],
      ['议程4', 4, null],
      ['第4项', 4, null],
      ['البند ٤', 4, null],
    ])('move to an item: %s', (text, item, sub) => {
      expect(parse(text)).toMatchObject({ kind: 'pointer', pointer: { move: 'to', item, sub } });
    });

    it.each(['Next item', 'Point suivant', 'Siguiente punto', 'Следующий пункт', '下一项', 'البند التالي'])(
      'move to the next item: %s',
      (text) => {
        expect(parse(text).pointer).toEqual({ move: 'next', item: null, sub: null });
      },
    );

    it('do not fire inside a sentence', () => {
      expect(parse('Item 4 is the longest one').kind).toBe('note');
      expect(parse('The next item is long').kind).toBe('note');
    });
  });

  describe('malformed lines', () => {
    it('report an action without an owner and keep it', () => {
      expect(parse('Action: prepare the report')).toMatchObject({
        kind: 'action',
        owner: null,
        text: 'prepare the report',
        raw: 'Action: prepare the report',
        problems: ['owner-missing'],
      });
    });

    it('report an impossible date and keep what was written', () => {
      const feb = parse('Action: BDT to circulate the report by 31/02/2026');
      expect(feb).toMatchObject({ due: null, dueText: '31/02/2026', problems: ['date-invalid'] });
      expect(parse('Action: BDT to check by 2026-13-45').problems).toEqual(['date-invalid']);
      expect(parse('Action: BDT to check by 32 Dec 2026').problems).toEqual(['date-invalid']);
    });

    it.each([
      ['Action: BDT to circulate the report by next month', '2027-01-06', 'next month'],
      ['Action: BDT to circulate the report by next week', '2026-12-13', 'next week'],
      ['Action: BDT to circulate the report by tomorrow', '2026-12-07', 'tomorrow'],
      ['Action: BDT to circulate the report by the end of the month', '2026-12-31', 'the end of the month'],
      ['Action: BDT to circulate the report within 2 weeks', '2026-12-20', '2 weeks'],
      ['Action: BDT to circulate the report by Friday', '2026-12-11', 'Friday'],
      ["Action : le BDT diffuse le rapport d'ici la semaine prochaine", '2026-12-13', 'la semaine prochaine'],
      ['Action : le BDT diffuse le rapport avant la fin du mois', '2026-12-31', 'fin du mois'],
      ['Acción: la BDT distribuye el informe para la próxima semana', '2026-12-13', 'la próxima semana'],
      ['Acción: la BDT distribuye el informe antes de fin de mes', '2026-12-31', 'fin de mes'],
      ['Действие: БРЭ распространяет отчёт к следующей неделе', '2026-12-13', 'следующей неделе'],
      ['Действие: БРЭ распространяет отчёт до конца месяца', '2026-12-31', 'конца месяца'],
      ['行动：BDT 下个月前分发报告', '2027-01-06', '下个月'],
      ['إجراء: يعمم مكتب تنمية الاتصالات التقرير بحلول الأسبوع القادم', '2026-12-13', 'الأسبوع القادم'],
    ])('read a relative due date against the meeting date: %s', (text, due, dueText) => {
      const line = parse(text);
      expect(line).toMatchObject({ kind: 'action', due, dueText });
      expect(line.problems).not.toContain('date-invalid');
      expect(line.text).not.toContain(dueText);
    });

    it.each([
      ['Action: BDT to circulate the report by next quarter', 'next quarter'],
      ["Action : le BDT diffuse le rapport d'ici la rentrée", 'la rentrée'],
      ['Действие: БРЭ распространяет отчёт к концу квартала', 'концу квартала'],
    ])('send a relative date it cannot read to review, keeping it in the text: %s', (text, dueText) => {
      const line = parse(text);
      expect(line).toMatchObject({ due: null, dueText });
      expect(line.problems).toContain('date-invalid');
      expect(line.text).toContain(dueText);
    });

    it('send a relative date to review when there is no meeting date to read it against', () => {
      expect(parseChatLine('Action: BDT to report by next week')).toMatchObject({
        due: null,
        dueText: 'next week',
        problems: ['date-invalid'],
      });
    });

    it('do not take "by" without a date for a due date', () => {
      expect(parse('Action: BDT to have it reviewed by the secretariat')).toMatchObject({ due: null, problems: [] });
    });

    it('strip script markup safely, report it and keep the raw line', () => {
      const raw = '<p>Decision: <script>alert("x")</script>adopt &lt;script&gt;the plan&lt;/script&gt;</p>';
      expect(parse(raw)).toMatchObject({
        kind: 'decision',
        text: 'adopt <script>the plan</script>',
        raw,
        problems: ['markup-removed'],
      });
    });

    it('never throw on a 10 000-character message, and cut the text but not the raw line', () => {
      const raw = `Decision: ${'x'.repeat(10_000)}`;
      const line = parse(raw);
      expect(line.raw).toBe(raw);
      expect(line.text.length).toBeLessThanOrEqual(4000);
      expect(line.problems).toEqual(['text-truncated']);
    });

    it('never throw on empty, control-character or odd input', () => {
      for (const raw of [
        '',
        '   ',
        'Decision:',
        '\u0000\u0007Action:\u0001',
        '<at>',
        '<<<>>>',
        '&#0;&#xD800;',
        'Action: <at>',
      ]) {
        const line = parse(raw);
        expect(line.raw).toBe(raw);
      }
      expect(parse('Decision:').problems).toEqual(['text-empty']);
    });

    it('ignore a due date without a year when there is nothing to date it from', () => {
      expect(parseChatLine('Action: BDT to report by 15/12')).toMatchObject({ due: null, problems: ['date-invalid'] });
    });
  });

  describe('pointers inside a message', () => {
    it.each([
      ['en', 'Moving on. Item 3 — Escalations', 'Moving on.', 'Item 3 — Escalations'],
      ['en', 'Thanks all. Agenda item 3: escalations', 'Thanks all.', 'Agenda item 3: escalations'],
      ['fr', 'Merci. Point 3 : escalades', 'Merci.', 'Point 3 : escalades'],
      ['es', 'Gracias. Punto 3: escalamientos', 'Gracias.', 'Punto 3: escalamientos'],
      ['ru', 'Спасибо. Пункт 3: эскалации', 'Спасибо.', 'Пункт 3: эскалации'],
      ['zh', '谢谢。议程项目3：上报事项', '谢谢。', '议程项目3：上报事项'],
      ['zh', '好的。第3项', '好的。', '第3项'],
      ['ar', 'شكراً. البند ٣: المسائل المرفوعة', 'شكراً.', 'البند ٣: المسائل المرفوعة'],
    ])('move to an item at the start of a later sentence (%s): %s', (_language, text, before, pointer) => {
      expect(parts(text)).toEqual([
        ['note', before, null],
        ['pointer', pointer, 3],
      ]);
    });

    it.each([
      ['en', 'Thank you. Next item.', 'next'],
      ['fr', 'Merci. Point suivant.', 'next'],
      ['es', 'Gracias. Siguiente punto.', 'next'],
      ['ru', 'Спасибо. Следующий пункт.', 'next'],
      ['zh', '谢谢。下一项。', 'next'],
      ['ar', 'شكراً. البند التالي.', 'next'],
      ['en', 'Sorry. Previous item.', 'previous'],
      ['fr', 'Pardon. Point précédent.', 'previous'],
      ['es', 'Perdón. Punto anterior.', 'previous'],
      ['ru', 'Извините. Предыдущий пункт.', 'previous'],
      ['zh', '抱歉。上一项。', 'previous'],
      ['ar', 'عذراً. البند السابق.', 'previous'],
    ])('move to the next or previous item inside a message (%s): %s', (_language, text, move) => {
      expect(parts(text)[1]).toEqual(['pointer', expect.any(String), move]);
    });

    it('split a line where a command follows the pointer, and a command at the start of a later sentence', () => {
      expect(parts('Item 4: Action: <at>Alex Wilber</at> to send the note by 2026-12-20')).toEqual([
        ['pointer', 'Item 4', 4],
        ['action', 'send the note', null],
      ]);
      expect(parts('Item 4.2 Decision: adopted')).toEqual([
        ['pointer', 'Item 4.2', 4],
        ['decision', 'adopted', null],
      ]);
      expect(parts('Point 3. Décision : adopté. Point 4 : Action : BDT mettre à jour la page')).toEqual([
        ['pointer', 'Point 3', 3],
        ['decision', 'adopté.', null],
        ['pointer', 'Point 4', 4],
        ['action', 'mettre à jour la page', null],
      ]);
      expect(parts('第3项：决定：同意')).toEqual([
        ['pointer', '第3项', 3],
        ['decision', '同意', null],
      ]);
    });

    it('read each line of a message in order, plain text or Teams HTML', () => {
      const expected = [
        ['pointer', 'Item 3', 3],
        ['decision', 'we agree', null],
        ['pointer', 'Item 4', 4],
        ['action', 'share the plan', null],
      ];
      expect(parts('Item 3\nDecision: we agree\nItem 4: Action: @Alex Wilber share the plan by 2026-12-20')).toEqual(
        expected,
      );
      expect(
        parts(
          '<p>Item 3</p><p>Decision: we agree<br>Item 4: Action: <at>Alex Wilber</at> share the plan by 2026-12-20</p>',
        ),
      ).toEqual(expected);
    });

    it.each([
      'this item is important',
      'We discussed item 3 at length.',
      'Thanks. The next item is long.',
      'Good. Item 4 is the longest one.',
      'Decision: adopted. Point 3 of the report stays open.',
      'As agreed. Next item was skipped last time.',
    ])('do not fire in ordinary prose: %s', (text) => {
      expect(parts(text).some(([kind]) => kind === 'pointer')).toBe(false);
    });
  });

  describe('escalations with a sector', () => {
    it.each([
      ['Escalate (BDT): budget for the joint stand', 'en', 'BDT'],
      ['Escalation (ITU-R): spectrum study', 'en', 'BR'],
      ['Escalade (UIT-T) : financement du stand', 'fr', 'TSB'],
      ['Escalar (GS): presupuesto del stand', 'es', 'GS'],
      ['Эскалация (МСЭ-D): бюджет стенда', 'ru', 'BDT'],
      ['上报（TSB）：联合展台预算', 'zh', 'TSB'],
      ['تصعيد (BR): مسألة التمويل', 'ar', 'BR'],
    ])('take the sector named in parentheses: %s', (text, language, sector) => {
      expect(parse(text)).toMatchObject({ kind: 'escalation', language, sector });
    });

    it('leave the sector open when none is named, and keep any other note in the text', () => {
      expect(parse('Escalate: budget')).toMatchObject({ sector: null, text: 'budget' });
      expect(parse('Escalate (urgent): budget')).toMatchObject({
        kind: 'escalation',
        sector: null,
        text: 'budget (urgent)',
      });
    });
  });

  describe('Done: lines', () => {
    it.each([
      ['Done: 3', 'en'],
      ['Done: #3', 'en'],
      ['Closed: A3', 'en'],
      ['Fait : 3', 'fr'],
      ['Terminé : no 3', 'fr'],
      ['Hecho: 3', 'es'],
      ['Cerrado: 3', 'es'],
      ['Выполнено: № 3', 'ru'],
      ['完成：3', 'zh'],
      ['已完成：３', 'zh'],
      ['تم: ٣', 'ar'],
      ['منجز: 3', 'ar'],
    ])('name a follow-up action by its number: %s', (text, language) => {
      expect(parse(text)).toMatchObject({ kind: 'done', language, actionNumber: 3, due: null, problems: [] });
    });

    it.each([
      ['Done: 2 — new date 2027-01-15', 'en'],
      ['Done: 2, new due date 15 Jan 2027', 'en'],
      ['Fait : 2 — nouvelle échéance 15 janvier 2027', 'fr'],
      ['Hecho: 2, nueva fecha 15/01/2027', 'es'],
      ['Выполнено: 2 новый срок 15.01.2027', 'ru'],
      ['完成：2 新期限 2027年1月15日', 'zh'],
      ['تم: 2 موعد جديد ١٥/٠١/٢٠٢٧', 'ar'],
    ])('give a new due date instead of closing: %s', (text, language) => {
      expect(parse(text)).toMatchObject({ kind: 'done', language, actionNumber: 2, due: '2027-01-15' });
    });

    it('name an action by its owner and words', () => {
      expect(parse('Done: <at>Alex Wilber</at> training calendars')).toMatchObject({
        kind: 'done',
        actionNumber: null,
        owner: { personId: 'alex-wilber' },
        text: 'training calendars',
      });
      expect(parse('Done: Adele Vance — toolkit')).toMatchObject({
        owner: { personId: 'adele-vance' },
        text: 'toolkit',
      });
    });

    it('report an impossible new date, an empty line, and never take a date for a number', () => {
      expect(parse('Done: 2 new date 31/02/2027').problems).toEqual(['date-invalid']);
      expect(parse('Done:').problems).toEqual(['text-empty']);
      expect(parse('Done: 15/01/2027')).toMatchObject({ actionNumber: null });
    });
  });
});
