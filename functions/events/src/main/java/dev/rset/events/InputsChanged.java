package dev.rset.events;

import java.util.List;

/**
 * The event that tells the reconciler to render a ResourceSet again because inputs of the
 * providers it reads changed. One per affected ResourceSet per delivery.
 */
public record InputsChanged(String namespace, String resourceSet, List<String> providers, String receiver,
        String deliveryId) implements ControlPlaneEvent {
    public static final String DETAIL_TYPE = "InputsChanged";

    public InputsChanged {
        providers = List.copyOf(providers);
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
