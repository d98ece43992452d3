/** The high-contrast theme, a chunk of its own (see loadTheme). */
export { teamsHighContrastTheme as theme } from '@fluentui/react-components';
