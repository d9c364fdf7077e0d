package dev.rset.core.schedule;

/** A schedule that cannot be used; the message is worded as the Flux Operator words it. */
public class ScheduleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The {@code spec.schedule[]} field at fault: {@code cron}, {@code timeZone} or {@code window}. */
    private final String field;

    public ScheduleException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The same error as seen from {@code spec.schedule[index]}, as the Flux Operator prefixes it. */
    ScheduleException at(int index) {
        return new ScheduleException(field, "failed to validate schedule[" + index + "]: " + getMessage());
    }
}
