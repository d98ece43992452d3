import { directionOf, formatDateTime, t } from '../../teams-app/i18n';
import { localized, type Locale, type Person, type TabLinks } from '../../teams-app/domain';
import type { RegisterService } from '../../teams-app/services';
import type { Attachment } from '../activity';
import { adaptiveCard, meetingTitleText, openTabAction, plain, textBlock, type CardElement } from './card';

type MyTopics = Awaited<ReturnType<RegisterService['myTopics']>>;

/**
 * The topics a person answers for, with the next meeting and its collection deadline; (given the tab's links) a
 * button to the person's work in the tab.
 */
export function myTopicsCard(person: Person, data: MyTopics, locale: Locale, tab?: TabLinks): Attachment {
  const body: CardElement[] = [
    textBlock(t('myTopics.title', locale), { size: 'Large', weight: 'Bolder', style: 'heading' }),
  ];
  const meeting = data.nextMeeting;
  if (meeting) {
    body.push(
      textBlock(
        t('myTopics.nextMeeting', locale, {
          title: meetingTitleText(meeting, locale),
          date: formatDateTime(meeting.start, locale, person.timeZone),
        }),
      ),
      textBlock(
        t('myTopics.deadline', locale, { date: formatDateTime(meeting.collection.closesAt, locale, person.timeZone) }),
        {
          weight: 'Bolder',
          color: 'Attention',
        },
      ),
    );
  } else {
    body.push(textBlock(t('myTopics.noMeeting', locale), { isSubtle: true }));
  }
  if (data.topics.length === 0) {
    body.push(textBlock(t('myTopics.none', locale)));
  } else {
    body.push({
      type: 'FactSet',
      spacing: 'Medium',
      facts: data.topics.map(({ topic, role, sector }) => ({
        title: plain(localized(topic.title, locale)),
        value: `${t(role === 'focal-point' ? 'myTopics.role.focal-point' : 'myTopics.role.alternate', locale)} · ${sector}`,
      })),
    });
  }
  const actions = tab ? [openTabAction(t('tab.openMyWork', locale), tab, { view: 'mywork' })] : [];
  return adaptiveCard(body, actions, { rtl: directionOf(locale) === 'rtl', lang: locale });
}
