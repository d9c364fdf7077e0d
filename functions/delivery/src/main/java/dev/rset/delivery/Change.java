package dev.rset.delivery;

/** What delivery did to one object, as in Flux's change sets ({@code HelmRelease/apps/app-1 configured}). */
public record Change(ObjectRef object, Action action) {
    public enum Action {
        CREATED, CONFIGURED, UNCHANGED, DELETED,
        /** Left alone: pruning disabled by annotation, or the object is not ours. */
        SKIPPED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return object + " " + action.word();
    }
}
