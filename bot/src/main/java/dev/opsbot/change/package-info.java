/**
 * Change management: change requests (CHG-n) with their impact read from the asset graph, approvals
 * with separation of duties, freezes, templates, window reminders, and the link from an incident
 * back to the changes that may have caused it.
 */
package dev.opsbot.change;
