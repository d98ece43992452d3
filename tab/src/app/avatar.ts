/** Fluent's Avatar as a chunk of its own (the app shell loads it only inside Teams, where it shows the person). */
export { Avatar } from '@fluentui/react-components';
