package dev.rset.cli.admin;

/** {@code -o}: a table for people, or the API's own YAML or JSON for scripts. */
enum OutputFormat {
    table, yaml, json;

    String accept() {
        return this == yaml ? ApiClient.YAML : ApiClient.JSON;
    }
}
