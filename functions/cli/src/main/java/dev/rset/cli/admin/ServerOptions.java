package dev.rset.cli.admin;

import picocli.CommandLine.Option;

/** Where the API is and how to authenticate, shared by every admin verb. */
public final class ServerOptions {
    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:RSET_SERVER}",
            description = "API endpoint, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com "
                    + "(default: $RSET_SERVER)")
    String server;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION}",
            description = "AWS region to sign for (default: $AWS_REGION, else taken from the endpoint host)")
    String region;

    @Option(names = "--no-sign", defaultValue = "${env:RSET_NO_SIGN:-false}",
            description = "Send unsigned requests (a local API from `rset dev`; default: $RSET_NO_SIGN)")
    boolean noSign;

    ApiClient client() {
        if (server == null || server.isBlank()) {
            throw new UsageException("no API endpoint: pass --server URL or set RSET_SERVER");
        }
        return new ApiClient(java.net.URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1)
                : server), noSign ? null : Signing.forEndpoint(server, region));
    }
}
