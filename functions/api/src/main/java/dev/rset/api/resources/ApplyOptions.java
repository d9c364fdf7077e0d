package dev.rset.api.resources;

/** How an apply was asked for: its route, what to do with unknown fields, and who asked (an IAM ARN, or empty). */
public record ApplyOptions(Scope scope, FieldValidation validation, String caller) {
    public static final ApplyOptions DEFAULT = new ApplyOptions(new Scope.Anywhere(), FieldValidation.STRICT, "");
}
