package dev.rset.forge.event;

/** What a verified delivery says happened in a repository, reduced to what inputs depend on. */
public sealed interface ForgeEvent permits ChangeRequestEvent, RefEvent, PingEvent, IgnoredEvent, GenericEvent {
}
