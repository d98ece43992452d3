/**
 * No English left in the tab in another language: resolution citations, meeting places and time zones in the reader's
 * language (the topic drawer, the register, the meeting cards), and the screen-reader label of the search box's clear
 * button.
 */
import type { Page } from 'playwright-core';
import { expectVisible, setUpTabTests } from '../support/tab-page';

jest.setTimeout(60_000);

const bed = setUpTabTests();

/** English words of resolution citations and places that must not show in French. */
const ENGLISH = /\bRes\.|\bRev\.|Bucharest|Geneva|ITU headquarters|\bResolution\b/;

const openInFrench = (path: string): Promise<Page> => bed.openTab({ path, locale: 'fr' });

describe('the tab in French', () => {
  it('cites resolutions in French in the topic drawer and the register, with no English title', async () => {
    const page = await openInFrench('/?view=register');
    await page.getByRole('button', { name: 'Accessibilité', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Accessibilité' });
    await expectVisible(drawer.getByText('Rés. 175 (PP) (Rév. Bucarest, 2022)', { exact: true }));
    await expectVisible(drawer.getByText('Résolution de l’AR', { exact: true }));
    const resolutions = drawer.getByRole('region', { name: 'Résolutions pertinentes' });
    expect(await resolutions.innerText()).not.toMatch(ENGLISH);
    // The drawer is modal: the register behind it is hidden from the accessibility tree until it closes.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    const register = page.getByRole('table');
    expect(await register.innerText()).not.toMatch(ENGLISH);
  });

  it('names the meeting place and time zone in French on the meeting card', async () => {
    const page = await openInFrench('/?view=meetings');
    const card = page.getByRole('article', { name: /ISC-TF 32/ });
    await expectVisible(card.getByText('Siège de l’UIT, Genève, et Microsoft Teams'.replace('’', "'")));
    const text = await card.innerText();
    expect(text).not.toMatch(ENGLISH);
    expect(text).toContain('(heure d’Europe centrale)');
    expect(text).not.toContain('Zurich');
  });

  it("labels the search box's clear button in French", async () => {
    const page = await openInFrench('/?view=register');
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('espace');
    const search = page.getByRole('search');
    await expectVisible(search.locator('[aria-label="Effacer la recherche"]'));
    expect(await search.locator('[aria-label="clear"]').count()).toBe(0);
  });
});
