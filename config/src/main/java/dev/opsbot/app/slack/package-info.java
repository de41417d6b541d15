/** Wiring of the Slack adapter into the application: HTTP endpoint, Socket Mode, outbox poster. */
package dev.opsbot.app.slack;
