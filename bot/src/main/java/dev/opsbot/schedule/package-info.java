/**
 * What happens on a clock, declared by features without knowing the scheduler: recurring
 * {@link dev.opsbot.schedule.Routine}s and durable one-shot {@link dev.opsbot.schedule.DueItem}s.
 */
package dev.opsbot.schedule;
