import { directionOf, t } from '../../teams-app/i18n';
import type { Locale } from '../../teams-app/domain';
import { adaptiveCard, textBlock } from './card';
import type { Attachment } from '../activity';

/** The help card: what the bot does and the commands it understands. */
export function helpCard(locale: Locale, tabUrl: string): Attachment {
  const commands: [string, Parameters<typeof t>[0]][] = [
    ['help', 'help.cmd.help'],
    ['my topics', 'help.cmd.myTopics'],
    ['update [topic]', 'help.cmd.update'],
    ['status [meeting]', 'help.cmd.status'],
    ['open [meeting]', 'help.cmd.open'],
    ['language [code]', 'help.cmd.language'],
    ['minutes', 'help.cmd.minutes'],
    ['Done: 3', 'help.cmd.done'],
    ['Escalate (BDT): …', 'help.cmd.escalate'],
  ];
  return adaptiveCard(
    [
      textBlock(t('help.title', locale), { size: 'Large', weight: 'Bolder', style: 'heading' }),
      textBlock(t('help.intro', locale)),
      textBlock(t('help.commands', locale), { weight: 'Bolder', spacing: 'Medium' }),
      { type: 'FactSet', facts: commands.map(([command, key]) => ({ title: command, value: t(key, locale) })) },
    ],
    [{ type: 'Action.OpenUrl', title: t('help.openTab', locale), url: tabUrl }],
    { rtl: directionOf(locale) === 'rtl', lang: locale },
  );
}
