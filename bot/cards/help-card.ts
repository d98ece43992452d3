import { directionOf, t, type MessageKey } from '../../teams-app/i18n';
import type { Locale, TabLinks } from '../../teams-app/domain';
import { COMMANDS, type CommandSpec } from '../commands';
import { adaptiveCard, openTabAction, textBlock } from './card';
import type { Attachment } from '../activity';

/** The lines a meeting chat understands besides the commands (the domain's chat-line words), shown as examples. */
const CHAT_LINES: readonly [string, MessageKey][] = [
  ['Done: 3', 'help.cmd.done'],
  ['Escalate (BDT): …', 'help.cmd.escalate'],
];

/** How the help card and the Teams command menu name a command: its English words, then its arguments. */
export function commandUsage(spec: CommandSpec): string {
  return spec.usage ? `${spec.words.en[0]} ${spec.usage}` : (spec.words.en[0] ?? spec.id);
}

/**
 * The help card: what the bot does, every command of the registry and the meeting-chat lines it understands, and a
 * button to the topic register in the tab.
 */
export function helpCard(locale: Locale, tab: TabLinks): Attachment {
  const facts = [
    ...COMMANDS.map((spec) => ({ title: commandUsage(spec), value: t(spec.description, locale) })),
    ...CHAT_LINES.map(([line, key]) => ({ title: line, value: t(key, locale) })),
  ];
  return adaptiveCard(
    [
      textBlock(t('help.title', locale), { size: 'Large', weight: 'Bolder', style: 'heading' }),
      textBlock(t('help.intro', locale)),
      textBlock(t('help.commands', locale), { weight: 'Bolder', spacing: 'Medium' }),
      { type: 'FactSet', facts },
    ],
    [openTabAction(t('help.openTab', locale), tab, { view: 'register' })],
    { rtl: directionOf(locale) === 'rtl', lang: locale },
  );
}
