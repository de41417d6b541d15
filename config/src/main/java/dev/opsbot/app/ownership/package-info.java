/** Wiring of services, ownership and handovers, on-call rotations and escalation into the application. */
package dev.opsbot.app.ownership;
