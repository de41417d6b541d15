/**
 * Ownership of any item: who owns it, handover offers that leave the item with its owner until
 * the new one accepts, their reminders and timeout, and the routine that finds ownerless items.
 * Each kind of item plugs in through {@link dev.opsbot.ownership.OwnedItems}.
 */
package dev.opsbot.ownership;
