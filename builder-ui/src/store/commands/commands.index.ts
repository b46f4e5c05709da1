/** Every command by name: the store dispatches by lookup, the undo button shows the name. */
import { accessCommands } from './access.commands';
import { connectionCommands } from './connection.commands';
import { computedColumnCommands } from './computed-column.commands';
import { definitionCommands } from './definition.commands';
import { entityCommands } from './entity.commands';
import { navigationCommands } from './navigation.commands';
import { pageCommands } from './page.commands';
import { renameCommands } from './rename.commands';

export const commands = {
  ...entityCommands,
  ...pageCommands,
  ...computedColumnCommands,
  ...definitionCommands,
  ...renameCommands,
  ...accessCommands,
  ...navigationCommands,
  ...connectionCommands,
};

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandArgs<K extends CommandName> = Parameters<Commands[K]>[1];
