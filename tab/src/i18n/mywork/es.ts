/** Cadenas en español de «Mi trabajo». */
import type { MyWorkMessages } from './en';

const plural = new Intl.PluralRules('es');
const count = (n: number, one: string, other: string) => `${n} ${plural.select(n) === 'one' ? one : other}`;

export const myWorkEs: MyWorkMessages = {
  heading: 'Mi trabajo',
  loading: 'Cargando su trabajo…',
  loadError: 'No se pudo cargar su trabajo',
  intro: {
    expected: (topics, meeting, closes) =>
      `Usted responde por ${count(topics, 'tema', 'temas')}. Antes de la reunión ${meeting}, envíe una breve actualización de cada uno —avances, próximos pasos y cualquier asunto que deba decidir el grupo especial— a más tardar el ${closes}.`,
    noMeeting: (topics) =>
      `Usted responde por ${count(topics, 'tema', 'temas')}. No hay ninguna reunión programada, así que por ahora no se pide ninguna actualización.`,
    noTopics:
      'No responde por ningún tema del registro. Pida a la secretaría del ISC-TF que le añada como coordinador o suplente.',
    howTo:
      'Escriba la actualización aquí o en la tarjeta que el bot le envía en Teams: es la misma actualización y puede modificarla hasta la reunión.',
  },
  summary: (toAnswer, answered) =>
    `${count(toAnswer, 'actualización', 'actualizaciones')} por enviar · ${answered} ${plural.select(answered) === 'one' ? 'enviada' : 'enviadas'}`,
  meeting: {
    heading: 'Próxima reunión',
    opens: 'Apertura de la recopilación',
    closes: 'Cierre de la recopilación',
    phase: {
      before: 'La recopilación aún no está abierta; ya puede enviar sus actualizaciones.',
      open: 'La recopilación está abierta: envíe o modifique sus actualizaciones.',
      closed: 'La recopilación está cerrada: las actualizaciones enviadas ahora se marcan como tardías.',
    },
    open: 'Abrir la reunión',
  },
  topics: {
    heading: 'Mis temas',
    focal: 'Como coordinador',
    focalNote: 'Usted envía la actualización de estos temas para su sector.',
    alternate: 'Como suplente',
    alternateNote: 'Los envía el coordinador; usted los envía cuando se los delega o está ausente.',
    listLabel: (group) => `Mis temas: ${group}`,
  },
  states: { 'not-asked': 'Aún no solicitada', 'to-answer': 'Por enviar', answered: 'Enviada', late: 'Atrasada' },
  sentAt: (when) => `Enviada el ${when}`,
  sentBy: (name) => `Enviada por ${name}`,
  sentLate: 'después del cierre de la recopilación',
  noChangeSent: 'Sin cambios desde la última reunión',
  escalated: 'Elevado al grupo especial',
  partner: { focal: (name) => `Suplente: ${name}`, alternate: (name) => `Coordinador: ${name}` },
  handover: {
    partner: (name) => `Esta vez se pide a ${name} (usted delegó o está ausente).`,
    me: 'Esta vez se le pide a usted: el coordinador le delegó o está ausente.',
  },
  buttons: { write: 'Redactar', edit: 'Modificar', noChange: 'Sin cambios', delegate: 'Delegar' },
  buttonLabels: {
    write: (topic) => `Redactar la actualización sobre ${topic}`,
    edit: (topic) => `Modificar la actualización sobre ${topic}`,
    noChange: (topic) => `Sin cambios en ${topic}`,
    delegate: (topic) => `Delegar ${topic} al suplente`,
  },
  form: {
    title: (topic, sector) => `Actualización sobre ${topic} (${sector})`,
    progress: 'Avances desde la última reunión',
    progressHint: 'Qué ocurrió, en pocas frases.',
    nextSteps: 'Próximos pasos',
    escalate: 'Elevar un asunto al grupo especial',
    ask: '¿Qué debe decidir el grupo especial?',
    send: 'Enviar actualización',
    save: 'Guardar cambios',
    sending: 'Enviando…',
    cancel: 'Cancelar',
    empty: 'Describa los avances, o cierre y elija «Sin cambios».',
    revision: (n) => `Está modificando la revisión ${n}.`,
    tooLong: (max) => `Use como máximo ${max} caracteres.`,
  },
  delegate: {
    title: '¿Delegar en su suplente?',
    body: (name, topic) =>
      `${name} recibe la solicitud de ${topic} en Teams y envía la actualización de esta reunión en su lugar.`,
    confirm: 'Delegar',
    busy: 'Delegando…',
  },
  notices: {
    created: (topic) => `Se envió su actualización sobre ${topic}.`,
    revised: (topic) => `Se modificó su actualización sobre ${topic}.`,
    unchanged: (topic) => `No cambió nada en la actualización sobre ${topic}.`,
    noChange: (topic) => `Se envió «Sin cambios» para ${topic}.`,
    delegated: (name, topic) => `${topic} se delegó en ${name}.`,
    closed: 'La acción se cerró.',
    redated: 'Se cambió la fecha límite.',
  },
  failed: 'El cambio no se guardó',
  actions: {
    heading: 'Mis acciones abiertas',
    listLabel: 'Mis acciones abiertas',
    empty: 'No tiene acciones abiertas.',
    due: (date) => `Vence el ${date}`,
    overdue: 'Vencida',
    noDue: 'Sin fecha límite',
    from: (meeting) => `De ${meeting}`,
    close: 'Cerrar',
    closeLabel: (text) => `Cerrar la acción: ${text}`,
    redate: 'Nueva fecha',
    redateLabel: (text) => `Nueva fecha límite para: ${text}`,
    closeTitle: 'Cerrar esta acción',
    note: 'Qué se hizo',
    noteHint: 'Se guarda con la acción para la próxima reunión.',
    confirmClose: 'Cerrar acción',
    redateTitle: 'Cambiar la fecha límite',
    dueLabel: 'Nueva fecha límite',
    redateNote: 'Por qué (opcional)',
    confirmRedate: 'Guardar fecha',
    busy: 'Guardando…',
  },
  openRegister: 'Abrir el registro de temas',
};
