/** Chaînes françaises de « Mon travail ». */
import type { MyWorkMessages } from './en';

const plural = new Intl.PluralRules('fr');
const count = (n: number, one: string, other: string) => `${n} ${plural.select(n) === 'one' ? one : other}`;

export const myWorkFr: MyWorkMessages = {
  heading: 'Mon travail',
  loading: 'Chargement de votre travail…',
  loadError: 'Votre travail n’a pas pu être chargé',
  intro: {
    expected: (topics, meeting, closes) =>
      `Vous répondez pour ${count(topics, 'thème', 'thèmes')}. Avant la réunion ${meeting}, envoyez une courte mise à jour pour chacun — progrès, prochaines étapes et toute question que l’équipe spéciale doit trancher — d’ici le ${closes}.`,
    noMeeting: (topics) =>
      `Vous répondez pour ${count(topics, 'thème', 'thèmes')}. Aucune réunion n’est prévue : aucune mise à jour n’est demandée pour l’instant.`,
    noTopics:
      'Vous ne répondez pour aucun thème du registre. Demandez au secrétariat de l’ISC-TF de vous ajouter comme point focal ou suppléant.',
    howTo:
      'Rédigez la mise à jour ici ou dans la carte que le bot vous envoie dans Teams : c’est la même mise à jour, modifiable jusqu’à la réunion.',
  },
  summary: (toAnswer, answered) =>
    `${count(toAnswer, 'mise à jour', 'mises à jour')} à envoyer · ${answered} ${plural.select(answered) === 'one' ? 'envoyée' : 'envoyées'}`,
  meeting: {
    heading: 'Prochaine réunion',
    opens: 'Ouverture de la collecte',
    closes: 'Clôture de la collecte',
    phase: {
      before: 'La collecte n’est pas encore ouverte ; vous pouvez déjà envoyer vos mises à jour.',
      open: 'La collecte est ouverte : envoyez ou modifiez vos mises à jour.',
      closed: 'La collecte est close : les mises à jour envoyées maintenant sont marquées en retard.',
    },
    open: 'Ouvrir la réunion',
  },
  topics: {
    heading: 'Mes thèmes',
    focal: 'Comme point focal',
    focalNote: 'Vous envoyez la mise à jour de ces thèmes pour votre secteur.',
    alternate: 'Comme suppléant',
    alternateNote: 'Le point focal les envoie ; vous les envoyez lorsqu’il vous les délègue ou qu’il est absent.',
    listLabel: (group) => `Mes thèmes : ${group}`,
  },
  states: { 'not-asked': 'Pas encore demandée', 'to-answer': 'À envoyer', answered: 'Envoyée', late: 'En retard' },
  sentAt: (when) => `Envoyée le ${when}`,
  sentBy: (name) => `Envoyée par ${name}`,
  sentLate: 'après la clôture de la collecte',
  noChangeSent: 'Pas de changement depuis la dernière réunion',
  escalated: 'Soumis à l’équipe spéciale',
  partner: { focal: (name) => `Suppléant : ${name}`, alternate: (name) => `Point focal : ${name}` },
  handover: {
    partner: (name) => `${name} est sollicité cette fois (vous avez délégué, ou vous êtes absent).`,
    me: 'Vous êtes sollicité cette fois : le point focal vous a délégué ou est absent.',
  },
  buttons: { write: 'Rédiger', edit: 'Modifier', noChange: 'Pas de changement', delegate: 'Déléguer' },
  buttonLabels: {
    write: (topic) => `Rédiger la mise à jour sur ${topic}`,
    edit: (topic) => `Modifier la mise à jour sur ${topic}`,
    noChange: (topic) => `Pas de changement sur ${topic}`,
    delegate: (topic) => `Déléguer ${topic} au suppléant`,
  },
  form: {
    title: (topic, sector) => `Mise à jour sur ${topic} (${sector})`,
    progress: 'Progrès depuis la dernière réunion',
    progressHint: 'Ce qui s’est passé, en quelques phrases.',
    nextSteps: 'Prochaines étapes',
    escalate: 'Soumettre une question à l’équipe spéciale',
    ask: 'Que doit décider l’équipe spéciale ?',
    send: 'Envoyer la mise à jour',
    save: 'Enregistrer les modifications',
    sending: 'Envoi…',
    cancel: 'Annuler',
    empty: 'Décrivez les progrès, ou fermez et choisissez « Pas de changement ».',
    revision: (n) => `Vous modifiez la révision ${n}.`,
    tooLong: (max) => `${max} caractères au maximum.`,
  },
  delegate: {
    title: 'Déléguer à votre suppléant ?',
    body: (name, topic) =>
      `${name} reçoit la demande pour ${topic} dans Teams et envoie la mise à jour de cette réunion à votre place.`,
    confirm: 'Déléguer',
    busy: 'Délégation…',
  },
  notices: {
    created: (topic) => `Votre mise à jour sur ${topic} a été envoyée.`,
    revised: (topic) => `Votre mise à jour sur ${topic} a été modifiée.`,
    unchanged: (topic) => `Rien n’a changé dans la mise à jour sur ${topic}.`,
    noChange: (topic) => `« Pas de changement » a été envoyé pour ${topic}.`,
    delegated: (name, topic) => `${topic} a été délégué à ${name}.`,
    closed: 'L’action a été close.',
    redated: 'L’échéance a été modifiée.',
  },
  failed: 'La modification n’a pas été enregistrée',
  actions: {
    heading: 'Mes actions en cours',
    listLabel: 'Mes actions en cours',
    empty: 'Vous n’avez aucune action en cours.',
    due: (date) => `Échéance : ${date}`,
    overdue: 'En retard',
    noDue: 'Sans échéance',
    from: (meeting) => `Issue de ${meeting}`,
    close: 'Clore',
    closeLabel: (text) => `Clore l’action : ${text}`,
    redate: 'Nouvelle échéance',
    redateLabel: (text) => `Nouvelle échéance pour : ${text}`,
    closeTitle: 'Clore cette action',
    note: 'Ce qui a été fait',
    noteHint: 'Conservé avec l’action pour la prochaine réunion.',
    confirmClose: 'Clore l’action',
    redateTitle: 'Déplacer l’échéance',
    dueLabel: 'Nouvelle échéance',
    redateNote: 'Pourquoi (facultatif)',
    confirmRedate: 'Enregistrer la date',
    busy: 'Enregistrement…',
  },
  openRegister: 'Ouvrir le registre des thèmes',
};
