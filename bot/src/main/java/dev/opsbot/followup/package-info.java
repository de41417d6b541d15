/**
 * Follow-ups: reminders about incidents nobody picked up and reviews nobody wrote, kept as due
 * items, and the {@code /followup} command that lists, snoozes and ends any follow-up.
 */
package dev.opsbot.followup;
