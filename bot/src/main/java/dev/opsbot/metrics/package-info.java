/** Measured values: the {@link dev.opsbot.metrics.MetricSource} port and its Prometheus client. */
package dev.opsbot.metrics;
