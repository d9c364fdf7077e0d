/**
 * YAML and JSON exactly as the Flux Operator's Go code sees them.
 *
 * <p>{@link dev.rset.core.yaml.GoYaml} is sigs.k8s.io/yaml over its go-yaml v2 fork:
 * <ul>
 *   <li>marshal: {@link dev.rset.core.yaml.YamlValues} stands for {@code json.Marshal} followed
 *       by go-yaml's reading of the JSON (numbers typed by {@link dev.rset.core.yaml.YamlResolver}),
 *       then {@link dev.rset.core.yaml.YamlEmitter} (with {@link dev.rset.core.yaml.ScalarAnalysis},
 *       {@link dev.rset.core.yaml.ScalarWriter}, {@link dev.rset.core.yaml.KeyOrder}) writes what
 *       go-yaml's libyaml-derived emitter writes;</li>
 *   <li>unmarshal: {@link dev.rset.core.yaml.BlockYamlParser} builds go-yaml's node tree
 *       directly for plain block-style text (most rendered objects and manifests); for any other
 *       text SnakeYAML's parser (libyaml's descendant through PyYAML) produces events,
 *       {@link dev.rset.core.yaml.YamlComposer} builds the same tree from them and maps errors to
 *       go-yaml's texts and line rule ({@link dev.rset.core.yaml.YamlErrors}),
 *       {@link dev.rset.core.yaml.YamlDecoder} applies go-yaml v2's YAML 1.1 typing, aliases and
 *       merges, and {@link dev.rset.core.yaml.YamlJson} does sigs.k8s.io's JSON conversion and
 *       Kubernetes' number typing;</li>
 *   <li>multi-document streams are cut like Kubernetes' YAMLReader
 *       ({@link dev.rset.core.yaml.YamlDocuments}).</li>
 * </ul>
 *
 * <p>{@link dev.rset.core.yaml.GoJson} is encoding/json ({@link dev.rset.core.yaml.JsonEncoder},
 * {@link dev.rset.core.yaml.JsonDecoder}), with Go's float formatting from
 * {@link dev.rset.core.yaml.GoFloats}.
 *
 * <p>Known differences from Go, all in rarely used syntax: SnakeYAML rejects tabs used as
 * separators inside flow collections ({@code [a,\tb]}) which libyaml accepts; error line numbers
 * follow SnakeYAML's marks, which match libyaml's for the usual errors but are not proven for
 * every one; map keys that are floats are stringified with 64-bit precision.
 */
package dev.rset.core.yaml;
