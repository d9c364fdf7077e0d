package dev.rset.delivery.access;

import dev.rset.core.api.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressPolicyTest {
    static final Cluster.Network PUBLIC = Cluster.Network.PUBLIC_ONLY;
    static final Cluster.Network PRIVATE = new Cluster.Network(true);

    /** DNS answers for names (IP literals are parsed by the JDK without any lookup). */
    static final Map<String, List<String>> ZONE = Map.of(
            "api.example.com", List.of("203.0.113.10"),
            "split.example.com", List.of("203.0.113.10", "10.1.2.3"),
            "rebind.example.com", List.of("169.254.169.254"),
            "v6.example.com", List.of("2001:db8::1", "fd00:ec2::254"));

    static InetAddress[] resolve(String host) throws UnknownHostException {
        List<String> answers = ZONE.get(host);
        if (answers == null) {
            if (Character.isLetter(host.charAt(host.length() - 1)) && !host.contains(":")) {
                throw new UnknownHostException(host);
            }
            return InetAddress.getAllByName(host);
        }
        InetAddress[] out = new InetAddress[answers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = InetAddress.getByAddress(host, InetAddress.getByName(answers.get(i)).getAddress());
        }
        return out;
    }

    static final AddressPolicy STRICT = new AddressPolicy(false, AddressPolicyTest::resolve);
    static final AddressPolicy DEV = new AddressPolicy(true, AddressPolicyTest::resolve);

    static String refusal(AddressPolicy p, String server, Cluster.Network n) {
        AccessRefusedException e = assertThrows(AccessRefusedException.class, () -> p.check(URI.create(server), n));
        assertEquals("spec.server", e.field());
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://169.254.169.254|a link-local address",
            "https://169.254.170.2:443|a link-local address",
            "https://[fe80::1]|a link-local address",
            "https://[fd00:ec2::254]|an EC2 instance service address",
            "https://[::ffff:169.254.169.254]|a link-local address",
            "https://[64:ff9b::a9fe:a9fe]|a link-local address",
            "https://100.100.100.200|a cloud metadata address",
            "https://0.0.0.0|an unspecified address",
            "https://[::]|an unspecified address",
            "https://224.0.0.1|a multicast address",
            "https://[ff02::1]|a multicast address",
            "https://255.255.255.255|a reserved or broadcast address",
            "https://rebind.example.com|resolves to 169.254.169.254, a link-local address",
            "https://metadata.google.internal|is a cloud metadata service",
            "https://METADATA.|is a cloud metadata service",
            "https://v6.example.com|an EC2 instance service address"})
    void refusedEvenWhenPrivateAndLoopbackAreAllowed(String server, String why) {
        String message = refusal(DEV, server, PRIVATE);
        assertTrue(message.contains(why), message);
    }

    @Test
    void loopbackOnlyUnderTheControlPlaneSetting() {
        assertEquals("spec.server: \"https://127.0.0.1:6443\" is a loopback address (allowed only when the control "
                + "plane sets RSET_ALLOW_LOOPBACK_CLUSTERS=true)", refusal(STRICT, "https://127.0.0.1:6443", PRIVATE));
        assertTrue(refusal(STRICT, "https://[::1]:6443", PRIVATE).contains("a loopback address"));
        assertTrue(refusal(STRICT, "https://127.8.9.10", PRIVATE).contains("a loopback address"));
        assertEquals(1, DEV.check(URI.create("https://127.0.0.1:6443"), PUBLIC).size());
        assertEquals(1, DEV.check(URI.create("https://[::1]:6443"), PUBLIC).size());
    }

    @ParameterizedTest
    @CsvSource({"https://10.0.0.1", "https://172.16.5.4", "https://172.31.255.255", "https://192.168.1.1",
            "https://100.64.0.1", "https://[fc00::1]", "https://[fd12:3456::1]", "https://split.example.com"})
    void privateOnlyWhenTheClusterOptsIn(String server) {
        String message = refusal(STRICT, server, PUBLIC);
        assertTrue(message.contains("a private address (allowed only with spec.network.allowPrivate: true)"), message);
        STRICT.check(URI.create(server), PRIVATE);
    }

    @ParameterizedTest
    @CsvSource({"https://203.0.113.10", "https://api.example.com:6443", "https://172.32.0.1", "https://100.128.0.1",
            "https://[2001:db8::1]", "https://8.8.8.8"})
    void publicAddressesPass(String server) {
        assertTrue(STRICT.check(URI.create(server), PUBLIC).size() >= 1);
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        assertEquals("spec.server: \"https://nowhere.example.com\" does not resolve to any address",
                refusal(STRICT, "https://nowhere.example.com", PRIVATE));
    }
}
