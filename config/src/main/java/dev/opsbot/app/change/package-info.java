/** Wiring of change management: its stores, commands, reminders, incident-card notes and digest section. */
package dev.opsbot.app.change;
