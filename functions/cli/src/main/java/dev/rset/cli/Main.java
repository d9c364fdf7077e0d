package dev.rset.cli;

/** Entry point of the {@code rset} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("rset: not implemented yet");
        System.exit(1);
    }
}
