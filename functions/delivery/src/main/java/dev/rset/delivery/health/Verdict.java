package dev.rset.delivery.health;

/** The kstatus-style state of one object: Current (healthy), InProgress (not yet), Failed (will not be). */
public record Verdict(State state, String message) {
    public enum State {
        CURRENT("Current"), IN_PROGRESS("InProgress"), FAILED("Failed"), NOT_FOUND("NotFound");

        private final String word;

        State(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public static final Verdict CURRENT = new Verdict(State.CURRENT, "");

    static Verdict inProgress(String message) {
        return new Verdict(State.IN_PROGRESS, message);
    }

    static Verdict failed(String message) {
        return new Verdict(State.FAILED, message);
    }
}
