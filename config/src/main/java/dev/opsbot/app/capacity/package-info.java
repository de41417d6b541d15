/** Wiring of capacity: the Prometheus metric source and its settings. */
package dev.opsbot.app.capacity;
