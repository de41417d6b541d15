/**
 * Capacity: watches (a usage query against a capacity), forecasts of when a watch crosses its
 * threshold, the charts that show it, and scheduled reports that rank watches by time left.
 */
package dev.opsbot.capacity;
