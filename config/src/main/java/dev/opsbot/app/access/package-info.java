/** Wiring of roles, the router's access check and the readable audit trail. */
package dev.opsbot.app.access;
