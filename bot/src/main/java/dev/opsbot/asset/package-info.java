/**
 * Assets (configuration items): what runs where, who owns it, what depends on what, and whether
 * reality still matches what was declared. {@link dev.opsbot.asset.AssetGraph} is how other
 * features read the inventory.
 */
package dev.opsbot.asset;
