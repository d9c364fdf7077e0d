package dev.rset.core.builder;

import dev.rset.core.api.ResourceSet;
import dev.rset.core.api.ResourceSetStep;
import dev.rset.core.template.TemplateException;
import dev.rset.core.yaml.GoYaml;
import java.util.List;
import java.util.Map;

/**
 * Parses every template of a ResourceSet without executing it, as the management API does before
 * it stores one: Go's parser resolves function names, so an unclosed action or an unknown function
 * is found at apply time, with the error the build would give
 * ({@code failed to build resources[0]: failed to parse template: template: resourceset:3: function "qoute" not defined}).
 */
public final class TemplateCheck {
    private TemplateCheck() {
    }

    /** Throws {@link BuildException} naming the step, the resource and Go's parse error. */
    public static void parseAll(ResourceSet rs) {
        if (rs.spec().hasSteps()) {
            for (ResourceSetStep step : rs.spec().steps()) {
                try {
                    parse(step.resources(), step.resourcesTemplate());
                } catch (BuildException e) {
                    throw new BuildException("step \"" + step.name() + "\": " + e.getMessage());
                }
            }
        } else {
            parse(rs.spec().resources(), rs.spec().resourcesTemplate());
        }
    }

    private static void parse(List<Map<String, Object>> resources, String resourcesTemplate) {
        for (int i = 0; i < resources.size(); i++) {
            try {
                TemplateRenderer.parse(GoYaml.marshal(resources.get(i)));
            } catch (TemplateException e) {
                throw new BuildException("failed to build resources[" + i + "]: failed to parse template: "
                        + e.getMessage());
            }
        }
        if (!resourcesTemplate.isEmpty()) {
            try {
                TemplateRenderer.parse(resourcesTemplate);
            } catch (TemplateException e) {
                throw new BuildException("failed to build resources: failed to parse multi-doc YAML template: "
                        + e.getMessage());
            }
        }
    }
}
