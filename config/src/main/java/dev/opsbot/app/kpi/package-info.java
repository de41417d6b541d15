/** Wiring of the KPIs: {@code /kpi}, its digest section, and where change outcomes come from. */
package dev.opsbot.app.kpi;
