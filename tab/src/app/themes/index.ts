/** The Fluent themes of the three Teams themes, each a chunk of its own loaded when first shown. */
import type { Theme } from '@fluentui/react-components';
import { chunkCache, type ChunkCache } from '../../common/chunk-cache';
import type { HostTheme } from '../../host/host';

/** The Fluent theme of each host theme, loaded on demand (`THEMES.load(kind)`). */
export const THEMES: ChunkCache<HostTheme, Theme> = chunkCache({
  default: () => import('./web-light').then((m) => m.theme),
  dark: () => import('./web-dark').then((m) => m.theme),
  contrast: () => import('./high-contrast').then((m) => m.theme),
});
