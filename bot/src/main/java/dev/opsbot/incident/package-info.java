/** Incidents: the aggregate and its rules, their store, how they look in chat, and the /incident command. */
package dev.opsbot.incident;
