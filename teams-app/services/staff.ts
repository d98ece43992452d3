import { AppError, type Role } from '../domain';

/** Who acts on agendas, minutes and meeting chats: the chair or the ISC-TF secretariat. */
export interface Staff {
  personId: string;
  roles: Role[];
}

/** Refuses (`auth.forbidden`) anyone who is neither chair nor secretariat; `what` completes "can …". */
export function requireStaff(actor: Staff, what: string): void {
  if (!actor.roles.includes('chair') && !actor.roles.includes('secretariat')) {
    throw new AppError('auth.forbidden', `Only the chair or the ISC-TF secretariat can ${what}.`);
  }
}
