import { createHash } from 'node:crypto';
import type { RunningServer } from '../../teams-app/server/main';
import { closeAll } from '../support/lifecycle';
import { startTestServer } from '../support/server';

let open: RunningServer;
let closed: RunningServer;

beforeAll(async () => {
  [open, closed] = await Promise.all([
    startTestServer({ env: { PUBLIC_REGISTER: 'on' } }),
    startTestServer({ env: { PUBLIC_REGISTER: 'off' } }),
  ]);
});
afterAll(async () => {
  await closeAll(open?.close(), closed?.close());
});

describe('public register page', () => {
  it('lists the topics with their focal points by sector, without e-mail addresses, in the language asked', async () => {
    const res = await fetch(`${open.url}/register?lang=ar`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('التنسيق بين القطاعات: المواضيع وجهات الاتصال');
    expect(html).toContain('<td>إمكانية النفاذ</td>');
    expect(html).toContain('<li><strong>BDT</strong>: Alex Wilber (المناوب: Lynne Robbins)</li>');
    expect(html).not.toContain('@example.com');
    const french = await (await fetch(`${open.url}/register`, { headers: { 'accept-language': 'fr-CH' } })).text();
    expect(french).toContain('<td>Accessibilité</td>');
  });

  it('is cacheable, allows only its own inline style, and escapes what the register holds', async () => {
    const first = await fetch(`${open.url}/register?lang=en`);
    const policy = first.headers.get('content-security-policy') ?? '';
    const html = await first.text();
    const style = html.match(/<style>(.*?)<\/style>/s)?.[1] ?? '';
    expect(policy).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("default-src 'none'");
    expect(html).not.toContain('<script');
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = first.headers.get('etag') ?? '';
    expect((await fetch(`${open.url}/register?lang=en`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const topic = (await open.store.topics.get('space'))!;
    const { etag: version, ...record } = topic;
    await open.store.topics.update({ ...record, title: { en: '<script>alert("x")</script> & Space' } }, version);
    const changed = await fetch(`${open.url}/register?lang=en`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    const text = await changed.text();
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Space');
    expect(text).not.toContain('<script>');
  });

  it('is not served unless PUBLIC_REGISTER is on', async () => {
    const res = await fetch(`${closed.url}/register?lang=en`);
    expect(await res.text()).not.toContain('topics and focal points');
  });
});
