import type { CollectionService, RegisterService } from '../teams-app/services';
import { addCollectionCardActions } from './collection-card-actions';
import { addCollectionCommands } from './collection-commands';
import type { IscBot } from './handler';

/** Wires status collection into the bot: the prompt card's buttons and the update / status / open commands. */
export function addCollectionHandlers(bot: IscBot, collection: CollectionService, register: RegisterService): void {
  const tab = bot.tabLinks;
  addCollectionCardActions(bot, { collection, register, tab });
  addCollectionCommands(bot, { collection, register, tab });
}
