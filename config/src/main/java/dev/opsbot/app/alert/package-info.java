/** Alerts wired into the app: the Alertmanager webhook at {@code /hooks/alertmanager}, routes, heartbeats. */
package dev.opsbot.app.alert;
