/**
 * On-call: rotations, who is on call at any instant (pure functions over the rotation, its
 * handoff time and zone, with overrides on top), the /oncall command and handoff announcements.
 */
package dev.opsbot.oncall;
