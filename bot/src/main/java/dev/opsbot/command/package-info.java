/**
 * The command catalog and the path of one command: declaration, parsing, validation, routing,
 * and the refusal that answers bad input with one sentence and the usage line.
 */
package dev.opsbot.command;
