/**
 * Alerts in: Alertmanager's webhook batches read into {@link dev.opsbot.alert.AlertBatch}, routed to a
 * service, and kept as one incident per Alertmanager group; routes, heartbeats and {@code /alert}.
 */
package dev.opsbot.alert;
