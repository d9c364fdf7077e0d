package dev.rset.webhook.events;

/**
 * A generic receiver's call for a provider to be polled now (the same event the scheduler uses
 * for due objects), since a generic payload says nothing about inputs.
 */
public record ReconcileRequested(String kind, String namespace, String name, String receiver) {
    public static final String DETAIL_TYPE = "ReconcileRequested";
}
