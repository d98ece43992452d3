/** English messages: the reference catalogue; every other language has the same keys. */
export const en = {
  'app.name': 'ISC Coordinator',
  'help.title': 'ISC Coordinator',
  'help.intro':
    'I collect status updates from focal points before each ISC-TF and ISCG meeting, compile the agenda and turn the meeting chat into minutes.',
  'help.commands': 'What you can ask me',
  'help.cmd.help': 'show this card',
  'help.cmd.myTopics': 'the topics you answer for, with the next meeting and its deadline',
  'help.cmd.update': 'get the status update card for a topic again',
  'help.cmd.status': 'collection tracker for a meeting (secretariat and chair)',
  'help.cmd.open': 'open collection for a meeting now (secretariat)',
  'help.cmd.language': 'change my language: ar, zh, en, fr, ru or es',
  'help.cmd.minutes': 'in a meeting chat: draft the minutes (chair)',
  'help.openTab': 'Open the topic register',
  'myTopics.title': 'Your topics',
  'myTopics.none':
    'You are not a focal point or alternate for any topic yet. The ISC-TF secretariat keeps the register.',
  'myTopics.role.focal-point': 'Focal point',
  'myTopics.role.alternate': 'Alternate',
  'myTopics.nextMeeting': 'Next meeting: {title}, {date}',
  'myTopics.deadline': 'Updates due by {date}',
  'myTopics.noMeeting': 'No meeting is scheduled yet.',
  'unknown.hint': 'Sorry, I did not understand "{text}". Type **help** to see what I can do.',
  notRegistered:
    'You are not in the ISC Coordinator register yet, so I cannot show personal topics. Ask the ISC-TF secretariat to add you.',
  'language.changed': 'I will speak English with you from now on.',
  'language.unknown': 'Please choose one of: ar, zh, en, fr, ru, es.',
  welcome: 'Hello {name}! I am the ISC Coordinator. Type **help** to see what I can do.',
  'error.generic': 'Something went wrong on my side. Please try again in a moment.',
  'error.request.invalid': 'The request is not valid.',
  'error.request.too-large': 'The request is too large.',
  'error.auth.required': 'Please sign in.',
  'error.auth.invalid-token': 'Your sign-in is not valid. Please reload.',
  'error.auth.forbidden': 'You do not have permission to do this.',
  'error.auth.loopback-only': 'The local development identity is accepted only from this computer.',
  'error.topic.not-found': 'This topic does not exist.',
  'error.meeting.not-found': 'This meeting does not exist.',
  'error.person.not-found': 'This person is not in the register.',
  'error.route.not-found': 'There is no such address in the API.',
  'error.store.conflict': 'Someone else changed this in the meantime. Reload and try again.',
  'error.meeting.invalid-transition': 'The meeting is not at a stage where this can be done.',
  'error.internal': 'Something went wrong on our side. Please try again.',
} as const;

/** A message key. */
export type MessageKey = keyof typeof en;
