/** Wiring of the inventory: its store, commands, graph, ownership, suggestions, and the assets CLI. */
package dev.opsbot.app.asset;
