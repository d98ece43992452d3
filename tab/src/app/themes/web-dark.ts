/** The dark theme, a chunk of its own (see loadTheme). */
export { webDarkTheme as theme } from '@fluentui/react-components';
