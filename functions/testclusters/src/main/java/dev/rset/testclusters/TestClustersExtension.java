package dev.rset.testclusters;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects {@link TestClusters#shared()} into test constructors, lifecycle methods and tests:
 * {@code @ExtendWith(TestClustersExtension.class)}, then a parameter of type {@link TestClusters}.
 */
public final class TestClustersExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestClusters.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return TestClusters.shared();
    }
}
