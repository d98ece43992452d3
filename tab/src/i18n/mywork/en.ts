/** English strings of "My work", a focal point's home: the next meeting, my topics' updates and my actions. */
const plural = new Intl.PluralRules('en');
const count = (n: number, one: string, other: string) => `${n} ${plural.select(n) === 'one' ? one : other}`;

export const myWorkEn = {
  heading: 'My work',
  loading: 'Loading your work…',
  loadError: 'Your work could not be loaded',
  intro: {
    /** The first sentence a newcomer reads: what is expected of them, for which meeting, by when. */
    expected: (topics: number, meeting: string, closes: string) =>
      `You answer for ${count(topics, 'topic', 'topics')}. Before ${meeting}, send a short update on each one — progress, next steps and anything the task force should decide — by ${closes}.`,
    noMeeting: (topics: number) =>
      `You answer for ${count(topics, 'topic', 'topics')}. No meeting is scheduled, so no update is asked for now.`,
    noTopics:
      'You do not answer for any topic in the register. Ask the ISC-TF secretariat to add you as a focal point or an alternate.',
    howTo:
      'Write the update here or in the card the bot sends you in Teams: both are the same update, and you can edit it until the meeting.',
  },
  summary: (toAnswer: number, answered: number) => `${count(toAnswer, 'update', 'updates')} to send · ${answered} sent`,
  meeting: {
    heading: 'Next meeting',
    opens: 'Collection opens',
    closes: 'Collection closes',
    phase: {
      before: 'Collection is not open yet; you can already send your updates.',
      open: 'Collection is open: send or edit your updates.',
      closed: 'Collection has closed: updates sent now are marked late.',
    },
    open: 'Open the meeting',
  },
  topics: {
    heading: 'My topics',
    focal: 'As focal point',
    focalNote: 'You send the update of these topics for your sector.',
    alternate: 'As alternate',
    alternateNote: 'The focal point sends these; you send them when the focal point delegates to you or is away.',
    listLabel: (group: string) => `My topics: ${group}`,
  },
  states: { 'not-asked': 'Not asked yet', 'to-answer': 'To answer', answered: 'Answered', late: 'Late' },
  sentAt: (when: string) => `Sent ${when}`,
  sentBy: (name: string) => `Sent by ${name}`,
  sentLate: 'after collection closed',
  noChangeSent: 'No change since the last meeting',
  escalated: 'Escalated to the task force',
  partner: { focal: (name: string) => `Alternate: ${name}`, alternate: (name: string) => `Focal point: ${name}` },
  handover: {
    partner: (name: string) => `${name} is asked this time (you delegated, or you are away).`,
    me: 'You are asked this time: the focal point delegated to you or is away.',
  },
  buttons: {
    write: 'Write update',
    edit: 'Edit update',
    noChange: 'No change',
    delegate: 'Delegate',
  },
  buttonLabels: {
    write: (topic: string) => `Write the update on ${topic}`,
    edit: (topic: string) => `Edit the update on ${topic}`,
    noChange: (topic: string) => `No change on ${topic}`,
    delegate: (topic: string) => `Delegate ${topic} to the alternate`,
  },
  form: {
    title: (topic: string, sector: string) => `Update on ${topic} (${sector})`,
    progress: 'Progress since the last meeting',
    progressHint: 'What happened, in a few sentences.',
    nextSteps: 'Next steps',
    escalate: 'Escalate an issue to the task force',
    ask: 'What should the task force decide?',
    send: 'Send update',
    save: 'Save changes',
    sending: 'Sending…',
    cancel: 'Cancel',
    empty: 'Write the progress, or close this and choose “No change”.',
    revision: (n: number) => `You are editing revision ${n}.`,
    tooLong: (max: number) => `Use at most ${max} characters.`,
  },
  delegate: {
    title: 'Delegate to your alternate?',
    body: (name: string, topic: string) =>
      `${name} gets the prompt for ${topic} in Teams and sends this meeting's update in your place.`,
    confirm: 'Delegate',
    busy: 'Delegating…',
  },
  notices: {
    created: (topic: string) => `Your update on ${topic} was sent.`,
    revised: (topic: string) => `Your update on ${topic} was changed.`,
    unchanged: (topic: string) => `Nothing changed in the update on ${topic}.`,
    noChange: (topic: string) => `“No change” was sent for ${topic}.`,
    delegated: (name: string, topic: string) => `${topic} was delegated to ${name}.`,
    closed: 'The action was closed.',
    redated: 'The due date was changed.',
  },
  failed: 'The change was not saved',
  actions: {
    heading: 'My open actions',
    listLabel: 'My open actions',
    empty: 'You have no open actions.',
    due: (date: string) => `Due ${date}`,
    overdue: 'Overdue',
    noDue: 'No due date',
    from: (meeting: string) => `From ${meeting}`,
    close: 'Close',
    closeLabel: (text: string) => `Close the action: ${text}`,
    redate: 'New due date',
    redateLabel: (text: string) => `New due date for: ${text}`,
    closeTitle: 'Close this action',
    note: 'What was done',
    noteHint: 'Kept with the action for the next meeting.',
    confirmClose: 'Close action',
    redateTitle: 'Move the due date',
    dueLabel: 'New due date',
    redateNote: 'Why (optional)',
    confirmRedate: 'Save date',
    busy: 'Saving…',
  },
  openRegister: 'Open the topic register',
};

/** The shape every language's "My work" catalogue has. */
export type MyWorkMessages = typeof myWorkEn;
