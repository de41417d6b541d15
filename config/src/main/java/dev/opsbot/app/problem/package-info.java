/** Wiring of problems: their store, commands, reminders, digest section, card notes and ownership. */
package dev.opsbot.app.problem;
