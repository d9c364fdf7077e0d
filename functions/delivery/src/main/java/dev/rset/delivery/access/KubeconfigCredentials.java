package dev.rset.delivery.access;

/**
 * What the control plane takes from a kubeconfig: a bearer token, or a client certificate and key
 * (PEM, base64 as in the kubeconfig), and the CA bundle (base64 PEM, may be empty). Nothing else of
 * the kubeconfig is ever used.
 */
public record KubeconfigCredentials(String token, String clientCertificateData, String clientKeyData,
        String certificateAuthorityData) {

    public boolean usesToken() {
        return !token.isEmpty();
    }

    /** Never prints a credential: records would otherwise show every field. */
    @Override
    public String toString() {
        return "KubeconfigCredentials[" + (usesToken() ? "token" : "client certificate")
                + (certificateAuthorityData.isEmpty() ? "" : ", with CA") + "]";
    }
}
