/**
 * Live checks of what the inventory declares: probe specs read from text ({@link dev.opsbot.probe.ProbeSpec}),
 * the allow list every target must pass ({@link dev.opsbot.probe.ProbeAllowList}), and the
 * {@link dev.opsbot.probe.Prober} that runs them on a bounded pool, each within its own timeout.
 */
package dev.opsbot.probe;
