package dev.rset.events;

import java.util.List;

/** The {@code source} of each function's events; the reconcile rules of template.yaml list them. */
public final class EventSources {
    public static final String WEBHOOK = "rset.webhook";
    public static final String API = "rset.api";
    public static final String SCHEDULER = "rset.scheduler";
    public static final List<String> ALL = List.of(WEBHOOK, API, SCHEDULER);

    private EventSources() {
    }
}
