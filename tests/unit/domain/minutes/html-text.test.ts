import {
  MAX_MESSAGE_CHARS,
  MENTION_CLOSE,
  MENTION_OPEN,
  messageLines,
  parseChatMessage,
  type ParseContext,
} from '../../../../teams-app/domain/minutes';
import { DEMO_PEOPLE } from '../../../../teams-app/store/demo/seed';

/** The text of each line of an HTML message, mention marks shown as ‹ and ›. */
function texts(html: string): string[] {
  return messageLines(html, true).lines.map((line) =>
    line.text.replaceAll(MENTION_OPEN, '‹').replaceAll(MENTION_CLOSE, '›'),
  );
}

/** The source each line came from. */
function raws(html: string): string[] {
  const { lines, source } = messageLines(html, true);
  return lines.map((line) => source.slice(line.rawStart, line.rawEnd));
}

const context: ParseContext = {
  now: '2026-12-06T09:30:00Z',
  people: DEMO_PEOPLE.map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId })),
};

describe('messageLines on hostile HTML', () => {
  describe('nested and unclosed tags', () => {
    it('reads text through misnested and unclosed inline tags', () => {
      expect(texts('<b><i>Decision: we</b> agree</i> on <u>it')).toEqual(['Decision: we agree on it']);
    });

    it('breaks lines at block elements, closed or not', () => {
      expect(texts('<div><p>one<p>two<ul><li>three<li>four</ul></div>five')).toEqual([
        'one',
        'two',
        'three',
        'four',
        'five',
      ]);
    });

    it('keeps each line tied to the source it came from', () => {
      expect(raws('<p>Item 3</p><p>Decision: we agree<br>Item 4</p>')).toEqual([
        '<p>Item 3</p>',
        '<p>Decision: we agree<br>',
        'Item 4</p>',
      ]);
    });

    it('reads stray closing tags, `</br>` and self-closing breaks as HTML does', () => {
      expect(texts('</div></span>one</br>two<br/>three</p>four')).toEqual(['one', 'two', 'three', 'four']);
    });

    it('ignores a tag cut off at the end of the message', () => {
      expect(texts('Action: review <at id="0" name="Alex')).toEqual(['Action: review']);
    });

    it('keeps a lone less-than sign as text', () => {
      expect(texts('<p>a < b and c <= d</p>')).toEqual(['a < b and c <= d']);
    });

    it('separates table cells and rows', () => {
      expect(texts('<table><tr><td>BDT</td><td>done</td><tr><th>TSB<td>open</table>')).toEqual([
        'BDT done',
        'TSB open',
      ]);
    });
  });

  describe('active and hidden content', () => {
    it.each([
      ['script', '<p>Decision: <script>alert("<p>x</p>")</script>adopt</p>'],
      ['style', '<p>Decision: <style>p::after { content: "</p>evil" }</style>adopt</p>'],
      ['iframe', '<p>Decision: <iframe src="https://evil.example">fallback</iframe>adopt</p>'],
      ['noscript', '<p>Decision: <noscript><b>hidden</b></noscript>adopt</p>'],
      ['template', '<p>Decision: <template><p>hidden</p></template>adopt</p>'],
      ['svg', '<p>Decision: <svg><text>hidden</text><script>x()</script></svg>adopt</p>'],
      ['math', '<p>Decision: <math><mi>x</mi></math>adopt</p>'],
      ['title', '<p>Decision: <title>hidden</title>adopt</p>'],
      ['object', '<p>Decision: <object data="x"><object>inner</object>outer</object>adopt</p>'],
      ['embed', '<p>Decision: <embed src="x">adopt</p>'],
    ])('drops %s with its content and reports it', (_name, html) => {
      expect(messageLines(html, true).lines).toEqual([
        expect.objectContaining({ text: 'Decision: adopt', markupRemoved: true }),
      ]);
    });

    it('drops everything after a script that is never closed', () => {
      const { lines } = messageLines('<p>Decision: adopt</p><p>Note: <script>steal()<p>Action: BDT', true);
      expect(lines.map((l) => [l.text, l.markupRemoved])).toEqual([
        ['Decision: adopt', false],
        ['Note:', true],
      ]);
    });

    it('reads upper- and mixed-case tags as HTML does', () => {
      expect(texts('<P>one<SCRIPT>x()</ScRiPt> two</P><Br>three')).toEqual(['one two', 'three']);
    });

    it('drops comments, CDATA and declarations, tags inside them included', () => {
      expect(texts('<!DOCTYPE html>one <!-- <p>two</p> --><![CDATA[ three ]]>four<?xml version="1.0"?>')).toEqual([
        'one four',
      ]);
    });

    it('does not take markup from attributes', () => {
      expect(texts('<p title="<script>x()</script>">one</p><img alt="<b>two</b>">')).toEqual(['one', '<b>two</b>']);
    });

    it('keeps a short image or emoji text and ignores a long one', () => {
      expect(texts(`Agreed <emoji alt="👍"></emoji> <img alt="${'x'.repeat(41)}"> done`)).toEqual(['Agreed 👍 done']);
    });
  });

  describe('character references', () => {
    it('decodes named, decimal and hex references, in text and attributes', () => {
      expect(
        texts('<p>1 &lt; 2 &amp;&amp; caf&eacute; &#8364;5 &#x20AC;6&nbsp;&mdash; <img alt="&quot;ok&quot;"></p>'),
      ).toEqual(['1 < 2 && café €5 €6 — "ok"']);
    });

    it('does not turn escaped tags into markup', () => {
      expect(texts('<p>&lt;script&gt;x()&lt;/script&gt; &lt;at&gt;Alex&lt;/at&gt;</p>')).toEqual([
        '<script>x()</script> <at>Alex</at>',
      ]);
    });

    it('drops references to controls, nothing valid or our own mention marks', () => {
      expect(texts('<p>a&#0;b&#xD800;c&#x110000;d&#1;e&#x7F;f&#xE000;g&#xE001;h&#xFFFF;i</p>')).toEqual(['abcdefghi']);
    });

    it('drops raw control characters and mention marks from the input', () => {
      expect(texts(`<p>a\u0000b\u0007c${MENTION_OPEN}d${MENTION_CLOSE}e</p>`)).toEqual(['abcde']);
    });

    it('leaves an unknown reference as it is written', () => {
      expect(texts('<p>R&D &unknown; AT&T</p>')).toEqual(['R&D &unknown; AT&T']);
    });
  });

  describe('@mentions', () => {
    it('marks a Teams <at> mention', () => {
      expect(texts('<p>Action: <at id="0">Alex Wilber</at> to share</p>')).toEqual(['Action: ‹Alex Wilber› to share']);
    });

    it('marks a mention span (Graph chat messages)', () => {
      expect(
        texts('<div>Action: <span itemtype="http://schema.skype.com/Mention" itemid="0">Lee Gu</span> to call</div>'),
      ).toEqual(['Action: ‹Lee Gu› to call']);
    });

    it('decodes references inside a mention and keeps nested formatting', () => {
      expect(texts('<at>O&#39;Brien <b>Jr</b></at> and <AT>Lee&nbsp;Gu</AT>')).toEqual(["‹O'Brien Jr› and ‹Lee Gu›"]);
    });

    it('closes an unclosed mention at the end of its line and reopens it on the next', () => {
      expect(texts('<p>Action: <at>Alex</p><p>Wilber</p>')).toEqual(['Action: ‹Alex›', '‹Wilber›']);
      expect(texts('Action: <at>Alex Wilber')).toEqual(['Action: ‹Alex Wilber›']);
    });

    it('does not nest mentions', () => {
      expect(texts('<at>Alex <at>Wilber</at> to</at> share')).toEqual(['‹Alex Wilber› to share']);
    });

    it('leaves out a mention hidden inside dropped content', () => {
      expect(texts('<p>Action: <script><at>Alex</at></script>BDT</p>')).toEqual(['Action: BDT']);
    });

    it('gives the chat parser the mentioned owner', () => {
      const [line] = parseChatMessage(
        '<div><p>Action: <at id="0">Alex&nbsp;Wilber</at> to share the toolkit by 2026-12-15<script>x()</script></p></div>',
        context,
      );
      expect(line).toMatchObject({
        kind: 'action',
        text: 'share the toolkit',
        due: '2026-12-15',
        owner: { name: 'Alex Wilber', personId: 'alex-wilber', mentioned: true },
        problems: ['markup-removed'],
      });
    });
  });

  describe('long input', () => {
    it('reads a 100 000-character message whole, and cuts a longer one there', () => {
      const paragraph = '<p>Note: the joint stand &amp; budget</p>';
      const count = Math.floor(MAX_MESSAGE_CHARS / paragraph.length);
      const full = paragraph.repeat(count).padEnd(MAX_MESSAGE_CHARS, ' ');

      const whole = messageLines(full, true);
      expect(whole.truncated).toBe(false);
      expect(whole.lines).toHaveLength(count);
      expect(new Set(whole.lines.map((line) => line.text))).toEqual(new Set(['Note: the joint stand & budget']));

      const longer = messageLines(`${full}<p>Decision: past the limit</p>`, true);
      expect(longer.truncated).toBe(true);
      expect(longer.source).toBe(full);
      expect(longer.lines).toEqual(whole.lines);
    });

    it.each([
      ['deeply nested blocks', '<div>'.repeat(25_000)],
      ['deeply nested inline tags', '<b>'.repeat(34_000)],
      ['unbalanced closing tags', `${'<b>'.repeat(16_000)}${'</i>'.repeat(16_000)}`],
      ['nested dropped elements', `${'<object>'.repeat(12_000)}${'</svg>'.repeat(10_000)}`],
      ['mention spans', '<span itemtype="Mention">'.repeat(4_000)],
      ['references', '&amp;'.repeat(20_000)],
      ['one tag with many attributes', `<p ${'a=b '.repeat(25_000)}>`],
      ['less-than signs', '<'.repeat(100_000)],
    ])('reads 100 000 characters of %s quickly, without throwing', (_name, html) => {
      const started = performance.now();
      const message = messageLines(html.slice(0, MAX_MESSAGE_CHARS), true);
      // Linear reading takes milliseconds; a quadratic one would take minutes. The bound only has to tell them
      // apart, with room for a busy machine.
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(message.truncated).toBe(false);
    });
  });
});
