package dev.rset.core.template.sprig;

import static dev.rset.core.template.ParamType.ANY;
import static dev.rset.core.template.ParamType.STRING;

import dev.rset.core.template.FuncMap;
import dev.rset.core.template.FunctionException;
import dev.rset.core.template.Signature;
import dev.rset.core.yaml.GoYaml;
import dev.rset.core.yaml.GoYamlException;

/** The functions the Flux Operator adds to slim-sprig: {@code slugify}, {@code toYaml}, {@code mustToYaml}. */
public final class FluxFunctions {
    private FluxFunctions() {
    }

    public static FuncMap extras() {
        FuncMap m = new FuncMap();
        m.put("slugify", Signature.of(STRING), a -> Slugify.make((String) a[0]));
        m.put("toYaml", Signature.of(ANY), a -> {
            try {
                return GoYaml.marshal(a[0]);
            } catch (GoYamlException goError) {
                return ""; // toYaml hides marshalling errors
            }
        });
        m.put("mustToYaml", Signature.of(ANY), a -> {
            try {
                return GoYaml.marshal(a[0]);
            } catch (GoYamlException goError) {
                throw new FunctionException(goError.getMessage());
            }
        });
        return m;
    }
}
