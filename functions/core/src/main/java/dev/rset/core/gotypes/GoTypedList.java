package dev.rset.core.gotypes;

import java.util.ArrayList;
import java.util.Collection;

/**
 * A Go slice whose element type is not {@code interface{}}, such as the {@code []string} that
 * {@code splitList} returns. A plain {@link java.util.List} stands for {@code []interface {}}.
 * Only {@code typeOf}/{@code kindOf} and argument type checks look at the element type.
 */
public final class GoTypedList extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;

    private final String elemType;

    public GoTypedList(String elemType) {
        this.elemType = elemType;
    }

    public GoTypedList(String elemType, Collection<?> elements) {
        super(elements);
        this.elemType = elemType;
    }

    public static GoTypedList strings(Collection<String> elements) {
        return new GoTypedList("string", elements);
    }

    /** The Go element type name, e.g. {@code string} or {@code int}. */
    public String elemType() {
        return elemType;
    }

    /** The Go type name, e.g. {@code []string}. */
    public String goTypeName() {
        return "[]" + elemType;
    }
}
