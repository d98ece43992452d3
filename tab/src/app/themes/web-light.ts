/** The light theme, a chunk of its own (see loadTheme). */
export { webLightTheme as theme } from '@fluentui/react-components';
