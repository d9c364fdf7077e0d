package dev.rset.delivery.access;

import dev.rset.core.api.Cluster;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a Cluster's API server may be: the control plane must not become a way to reach its own
 * machine, the cloud's instance metadata, or (unless the Cluster opts in) private networks.
 * Every address the host resolves to is checked, so a name with one public and one internal
 * address is refused.
 *
 * <p>DNS rebinding: the check resolves the name, and the HTTP client resolves it again when it
 * connects, so a name whose answer changes in between could pass the check and connect to an
 * internal address. fabric8's JDK client has no way to connect to a pre-resolved address while
 * verifying the certificate against the name (and Java 17 has no pluggable resolver), so the
 * window is narrowed instead: the connector checks right before it builds the client, and the
 * JVM caches positive lookups (30 s by default, {@code networkaddress.cache.ttl}), so the client
 * normally connects to the address just checked. An attacker who controls the DNS answers and
 * the certificate of a name can still win that race; registering clusters is an administrator's
 * action, which bounds who can try.
 */
public final class AddressPolicy {
    /** Resolves a host name to all its addresses ({@link InetAddress#getAllByName} in production). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Names of metadata services that resolve to internal addresses on some clouds or inside containers. */
    private static final Set<String> METADATA_HOSTS = Set.of("metadata", "metadata.google.internal", "metadata.goog",
            "metadata.azure.com", "instance-data", "instance-data.ec2.internal", "metadata.ec2.internal",
            "metadata.packet.net", "metadata.platformequinix.com");

    private final boolean allowLoopback;
    private final Resolver resolver;

    public AddressPolicy(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    public static AddressPolicy system(boolean allowLoopback) {
        return new AddressPolicy(allowLoopback, InetAddress::getAllByName);
    }

    /**
     * Resolves {@code server}'s host and returns its addresses when every one is allowed; throws
     * {@link AccessRefusedException} on {@code spec.server} otherwise.
     */
    public List<InetAddress> check(URI server, Cluster.Network network) {
        String host = server.getHost();
        if (host == null) {
            throw refused(server, "has no host");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (METADATA_HOSTS.contains(name)) {
            throw refused(server, "is a cloud metadata service");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name.startsWith("[") ? name.substring(1, name.length() - 1) : name);
        } catch (UnknownHostException e) {
            throw refused(server, "does not resolve to any address");
        }
        if (addresses == null || addresses.length == 0) {
            throw refused(server, "does not resolve to any address");
        }
        for (InetAddress a : addresses) {
            Optional<String> why = refusal(a, network.allowPrivate());
            if (why.isPresent()) {
                boolean literal = a.getHostAddress().equals(name);
                throw refused(server, (literal ? "is " : "resolves to " + a.getHostAddress() + ", ") + why.get());
            }
        }
        return List.of(addresses);
    }

    private static AccessRefusedException refused(URI server, String problem) {
        return new AccessRefusedException("spec.server", "\"" + server + "\" " + problem);
    }

    /** Why {@code a} may not be connected to, or empty when it may. */
    Optional<String> refusal(InetAddress a, boolean allowPrivate) {
        byte[] b = embeddedIpv4(a).orElse(a.getAddress());
        String range = b.length == 4 ? ipv4(b) : ipv6(b);
        if (range == null) {
            return Optional.empty();
        }
        return switch (range) {
            case "loopback" -> allowLoopback ? Optional.empty()
                    : Optional.of("a loopback address (allowed only when the control plane sets RSET_ALLOW_LOOPBACK_CLUSTERS=true)");
            case "private" -> allowPrivate ? Optional.empty()
                    : Optional.of("a private address (allowed only with spec.network.allowPrivate: true)");
            default -> Optional.of(range);
        };
    }

    /** "loopback", "private", another reason to refuse, or null for an ordinary public address. */
    private static String ipv4(byte[] b) {
        int o0 = b[0] & 0xff;
        int o1 = b[1] & 0xff;
        if (o0 == 127) {
            return "loopback";
        }
        if (o0 == 169 && o1 == 254) {
            return "a link-local address (instance metadata lives there)";
        }
        if (o0 == 100 && o1 == 100 && (b[2] & 0xff) == 100 && (b[3] & 0xff) == 200) {
            return "a cloud metadata address";
        }
        if (o0 == 0) {
            return "an unspecified address";
        }
        if (o0 >= 224) {
            return o0 < 240 ? "a multicast address" : "a reserved or broadcast address";
        }
        if (o0 == 10 || (o0 == 172 && (o1 & 0xf0) == 16) || (o0 == 192 && o1 == 168) || (o0 == 100 && (o1 & 0xc0) == 64)) {
            return "private";
        }
        return null;
    }

    private static String ipv6(byte[] b) {
        if (Arrays.equals(b, new byte[16])) {
            return "an unspecified address";
        }
        byte[] loopback = new byte[16];
        loopback[15] = 1;
        if (Arrays.equals(b, loopback)) {
            return "loopback";
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return "a link-local address (instance metadata lives there)";
        }
        if (b0 == 0xfd && b1 == 0x00 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2) {
            // fd00:ec2::/32: the EC2 instance services (metadata at fd00:ec2::254, DNS, NTP).
            return "an EC2 instance service address (fd00:ec2::/32)";
        }
        if (b0 == 0xff) {
            return "a multicast address";
        }
        if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)) {
            return "private";
        }
        return null;
    }

    /**
     * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible
     * ({@code ::a.b.c.d}) or NAT64 ({@code 64:ff9b::a.b.c.d}) IPv6 address, so
     * {@code ::ffff:169.254.169.254} is judged as the metadata address it reaches.
     */
    private static Optional<byte[]> embeddedIpv4(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = a.getAddress();
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return mapped || compatible || nat64 ? Optional.of(Arrays.copyOfRange(b, 12, 16)) : Optional.empty();
    }

}
