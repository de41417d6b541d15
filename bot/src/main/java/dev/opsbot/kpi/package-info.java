/**
 * The team's KPIs, measured from incidents (working set and archive), services' availability
 * targets, follow-ups and change outcomes: {@code /kpi} and the weekly digest section.
 */
package dev.opsbot.kpi;
