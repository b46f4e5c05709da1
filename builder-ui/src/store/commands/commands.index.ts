/** Every command by name: the store dispatches by lookup, the undo button shows the name. */
import { computedColumnCommands } from './computed-column.commands';
import { definitionCommands } from './definition.commands';
import { entityCommands } from './entity.commands';
import { pageCommands } from './page.commands';

export const commands = { ...entityCommands, ...pageCommands, ...computedColumnCommands, ...definitionCommands };

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandArgs<K extends CommandName> = Parameters<Commands[K]>[1];
