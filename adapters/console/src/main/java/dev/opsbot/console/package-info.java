/** The terminal adapter: the same slash commands as chat, read from a keyboard or a piped script. */
package dev.opsbot.console;
